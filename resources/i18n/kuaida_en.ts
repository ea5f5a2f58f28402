<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AdoptionChart</name>
    <message>
        <location filename="../../desktop/ui/team/adoption_view.py" line="54"/>
        <source>首条</source>
        <translation>Top 1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/adoption_view.py" line="54"/>
        <source>第2-3条</source>
        <translation>2nd–3rd</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/adoption_view.py" line="55"/>
        <source>更靠后</source>
        <translation>Lower</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/adoption_view.py" line="55"/>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/adoption_view.py" line="56"/>
        <source>改后发送</source>
        <translation>Edited</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/adoption_view.py" line="56"/>
        <source>未采纳</source>
        <translation>No pick</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/adoption_view.py" line="73"/>
        <source>还没有采纳数据</source>
        <translation>No adoption figures yet</translation>
    </message>
</context>
<context>
    <name>AdoptionView</name>
    <message>
        <location filename="../../desktop/ui/team/adoption_view.py" line="128"/>
        <source>客服</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/adoption_view.py" line="128"/>
        <source>买家消息</source>
        <translation>Buyer messages</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/adoption_view.py" line="128"/>
        <source>生成率</source>
        <translation>Shown rate</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/adoption_view.py" line="128"/>
        <source>采纳率</source>
        <translation>Adoption rate</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/adoption_view.py" line="130"/>
        <source>导出 CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/adoption_view.py" line="148"/>
        <source>全组：买家消息 {0}，生成率 {1}，采纳率 {2}（首条 {3}，前三条 {4}，搜索 {5}，改后发送 {6}）</source>
        <translation>Team: {0} buyer messages, shown rate {1}, adoption rate {2} (top 1 {3}, top 3 {4}, search {5}, edited {6})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/adoption_view.py" line="162"/>
        <source>导出采纳率</source>
        <translation>Export adoption figures</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/adoption_view.py" line="162"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../desktop/app.py" line="261"/>
        <source>快答：操作没有完成</source>
        <translation>Kuaida: the operation did not finish</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="287"/>
        <source>团队短语库…</source>
        <translation>Team library…</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="333"/>
        <source>意见反馈汇总…</source>
        <translation>Feedback summary…</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="334"/>
        <source>话术优化…</source>
        <translation>Better replies…</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="335"/>
        <source>日报…</source>
        <translation>Daily report…</translation>
    </message>
</context>
<context>
    <name>CustomerCard</name>
    <message>
        <location filename="../../desktop/ui/customers/card.py" line="119"/>
        <source>加入催付</source>
        <translation>Add to reminders</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/customers/card.py" line="120"/>
        <source>已付款</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/customers/card.py" line="121"/>
        <source>查看客户</source>
        <translation>View customer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/customers/card.py" line="161"/>
        <source>未亮星</source>
        <translation>Not starred</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/customers/card.py" line="165"/>
        <location filename="../../desktop/ui/customers/card.py" line="225"/>
        <source>订单 %1</source>
        <translation>Order %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/customers/card.py" line="186"/>
        <source>承诺：%1</source>
        <translation>Promise: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/customers/card.py" line="190"/>
        <source> 等 %1 项</source>
        <translation> and %1 more</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/customers/card.py" line="194"/>
        <source>待催付 %1 单</source>
        <translation>%1 orders to remind</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/customers/card.py" line="196"/>
        <source>订单 %1 笔</source>
        <translation>%1 orders</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/customers/card.py" line="198"/>
        <source>未导入的订单号</source>
        <translation>Order number not imported</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <location filename="../../desktop/ui/customers/dialog.py" line="49"/>
        <source>客户：%1</source>
        <translation>Customer: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/customers/dialog.py" line="53"/>
        <source>不亮星</source>
        <translation>No star</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/customers/dialog.py" line="66"/>
        <source>用逗号分隔</source>
        <translation>Separate with commas</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/customers/dialog.py" line="81"/>
        <source>例如：周五前发货、加送赠品</source>
        <translation>e.g. ship before Friday, add a gift</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/customers/dialog.py" line="82"/>
        <source>截止</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/customers/dialog.py" line="87"/>
        <source>添加承诺</source>
        <translation>Add promise</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/customers/dialog.py" line="100"/>
        <source>亮星</source>
        <translation>Star</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/customers/dialog.py" line="101"/>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/customers/dialog.py" line="103"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/customers/dialog.py" line="104"/>
        <source>承诺</source>
        <translation>Promises</translation>
    </message>
</context>
<context>
    <name>CustomersPanel</name>
    <message>
        <location filename="../../desktop/ui/customers/panel.py" line="109"/>
        <source>搜索昵称、标签、备注</source>
        <translation>Search names, tags, notes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/customers/panel.py" line="110"/>
        <source>只看亮星</source>
        <translation>Starred only</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/customers/panel.py" line="111"/>
        <source>编辑…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/customers/panel.py" line="112"/>
        <source>选中一位客户查看详情</source>
        <translation>Select a buyer to see the details</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/customers/panel.py" line="154"/>
        <source>未亮星</source>
        <translation>Not starred</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/customers/panel.py" line="157"/>
        <source>标签：</source>
        <translation>Tags: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/customers/panel.py" line="159"/>
        <source>备注：</source>
        <translation>Note: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/customers/panel.py" line="164"/>
        <source>待办承诺：</source>
        <translation>Open promises: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/customers/panel.py" line="170"/>
        <source>订单：</source>
        <translation>Orders: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/customers/panel.py" line="174"/>
        <source>催付记录：</source>
        <translation>Reminders sent: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/customers/panel.py" line="177"/>
        <source>当前催付：</source>
        <translation>Current reminder: </translation>
    </message>
</context>
<context>
    <name>DiagnosticsExport</name>
    <message>
        <location filename="../../desktop/ui/shell/diagnostics_export.py" line="50"/>
        <source>导出诊断信息</source>
        <translation>Export diagnostics</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/diagnostics_export.py" line="51"/>
        <source>把日志和配置打包成 zip（不含短语库和客户资料），发给 IT</source>
        <translation>Zip the logs and configuration (no phrases, no customer data) for IT</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/diagnostics_export.py" line="68"/>
        <source>诊断信息已导出</source>
        <translation>Diagnostics exported</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/diagnostics_export.py" line="73"/>
        <source>导出诊断信息失败：%1</source>
        <translation>Exporting diagnostics failed: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/diagnostics_export.py" line="76"/>
        <source>导出诊断信息失败</source>
        <translation>Exporting diagnostics failed</translation>
    </message>
</context>
<context>
    <name>DraftPhraseModel</name>
    <message>
        <location filename="../../desktop/ui/team/editor/phrase_model.py" line="24"/>
        <source>快捷编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/phrase_model.py" line="24"/>
        <source>快捷短语</source>
        <translation>Phrase</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/phrase_model.py" line="25"/>
        <source>分组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/phrase_model.py" line="25"/>
        <source>意图</source>
        <translation>Intents</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/phrase_model.py" line="109"/>
        <source>推断：%1</source>
        <translation>Inferred: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/phrase_model.py" line="110"/>
        <source>（未确认，选中后可确认或改正）</source>
        <translation> (not confirmed; select the phrase to confirm or correct it)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/phrase_model.py" line="111"/>
        <source>（无，不会被推荐）</source>
        <translation>(none: never suggested)</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <location filename="../../desktop/ui/suggestions/empty_state.py" line="77"/>
        <source>搜索短语（%1）</source>
        <translation>Search phrases (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/empty_state.py" line="78"/>
        <source>新建短语…</source>
        <translation>New phrase…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/empty_state.py" line="80"/>
        <source>正在加载短语库…</source>
        <translation>Loading the phrase library…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/empty_state.py" line="81"/>
        <source>马上就好，复制的消息不会丢失。</source>
        <translation>Almost ready; the copied message will not be lost.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/empty_state.py" line="83"/>
        <source>复制买家的消息</source>
        <translation>Copy a buyer&apos;s message</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/empty_state.py" line="85"/>
        <source>在聊天窗口选中买家的消息按 Ctrl+C，这里就会给出回复建议；按 %1 直接粘贴第 1 条。</source>
        <translation>Select the buyer&apos;s message in the chat window and press Ctrl+C: replies appear here. Press %1 to paste the first one.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/empty_state.py" line="89"/>
        <source>短语库暂时不可用</source>
        <translation>Phrase library unavailable</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/empty_state.py" line="90"/>
        <source>本地数据库没有打开，原因见下方状态栏。</source>
        <translation>The local database did not open; the status line below says why.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/empty_state.py" line="92"/>
        <source>没有合适的短语</source>
        <translation>No phrase fits</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/empty_state.py" line="93"/>
        <source>可以搜索短语库；这类问题常遇到的话，把你的回复存为新短语，下次就会推荐。</source>
        <translation>Search the library; if this question comes up often, save your reply as a new phrase and it will be suggested next time.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/empty_state.py" line="95"/>
        <source>没有找到“%1”</source>
        <translation>Nothing found for “%1”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/empty_state.py" line="96"/>
        <source>试试别的字、快捷编码或拼音首字母（如 fh 找“发货”）。</source>
        <translation>Try other words, a shortcut code or pinyin initials (e.g. fh for 发货).</translation>
    </message>
</context>
<context>
    <name>EndOfShiftDialog</name>
    <message>
        <location filename="../../desktop/ui/reminders/end_of_shift.py" line="47"/>
        <source>日清：交接前检查</source>
        <translation>End of shift: check before handing over</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/end_of_shift.py" line="54"/>
        <source>写给下一班的交接：没办完的事、答应买家的事、要注意的买家……</source>
        <translation>Handover for the next shift: unfinished work, promises to buyers, buyers to watch…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/end_of_shift.py" line="66"/>
        <source>待办承诺（勾选表示已完成）</source>
        <translation>Open promises (tick when done)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/end_of_shift.py" line="67"/>
        <source>待催付订单</source>
        <translation>Orders to remind</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/end_of_shift.py" line="77"/>
        <source>交接备注</source>
        <translation>Handover note</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/end_of_shift.py" line="104"/>
        <source>（%1 到期）</source>
        <translation> (due %1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/end_of_shift.py" line="105"/>
        <source> · 已逾期</source>
        <translation> · overdue</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/end_of_shift.py" line="115"/>
        <source>%1%2 · %3 · %4 关闭</source>
        <translation>%1%2 · %3 · closes %4</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/end_of_shift.py" line="120"/>
        <source>今日催付 %1 次 / %2 单，其中 %3 单已付款。待办承诺 %4 项，待催付 %5 单。</source>
        <translation>Today: %1 reminders for %2 orders, %3 of them paid. %4 open promises, %5 orders to remind.</translation>
    </message>
</context>
<context>
    <name>FeedbackButton</name>
    <message>
        <location filename="../../desktop/ui/feedback/feature.py" line="41"/>
        <source>反馈</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/feedback/feature.py" line="42"/>
        <source>把刚复制的买家消息反馈给仓储、运营、财务等部门</source>
        <translation>Pass the buyer message you just copied on to warehouse, operations, finance or another department</translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <location filename="../../desktop/ui/feedback/dialog.py" line="26"/>
        <source>反馈给部门</source>
        <translation>Feedback to a department</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/feedback/dialog.py" line="34"/>
        <source>补充说明（可选）</source>
        <translation>More details (optional)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/feedback/dialog.py" line="35"/>
        <source>发给组长（去掉电话、地址、姓名后）</source>
        <translation>Send to the team lead (without phone numbers, addresses or names)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/feedback/dialog.py" line="38"/>
        <source>没有设置团队共享文件夹：反馈只保存在本机</source>
        <translation>No team shared folder is set: the feedback stays on this PC</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/feedback/dialog.py" line="46"/>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/feedback/dialog.py" line="47"/>
        <source>买家的话</source>
        <translation>Buyer&apos;s words</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/feedback/dialog.py" line="48"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/feedback/dialog.py" line="63"/>
        <source>组长将看到：%1</source>
        <translation>The team lead will see: %1</translation>
    </message>
</context>
<context>
    <name>FeedbackFeature</name>
    <message>
        <location filename="../../desktop/ui/feedback/feature.py" line="104"/>
        <source>补发给组长（%1 条）</source>
        <translation>Send to the team lead now (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/feedback/feature.py" line="128"/>
        <location filename="../../desktop/ui/feedback/feature.py" line="160"/>
        <source>反馈没有记下：%1</source>
        <translation>Feedback not recorded: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/feedback/feature.py" line="131"/>
        <source>已记下反馈（%1）</source>
        <translation>Feedback recorded (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/feedback/feature.py" line="154"/>
        <source>反馈已发给组长</source>
        <translation>Feedback sent to the team lead</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/feedback/feature.py" line="164"/>
        <source>团队文件夹不可用：反馈已保存在本机，稍后在“反馈”菜单中补发</source>
        <translation>The team folder is not available: the feedback is kept on this PC; send it later from the Feedback menu</translation>
    </message>
</context>
<context>
    <name>FeedbackReview</name>
    <message>
        <location filename="../../desktop/ui/feedback/review.py" line="81"/>
        <location filename="../../desktop/ui/feedback/review.py" line="195"/>
        <source>意见反馈汇总</source>
        <translation>Feedback summary</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/feedback/review.py" line="82"/>
        <source>已转交</source>
        <translation>Passed on</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/feedback/review.py" line="83"/>
        <source>已答复</source>
        <translation>Answered</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/feedback/review.py" line="84"/>
        <source>待处理</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/feedback/review.py" line="85"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/feedback/review.py" line="86"/>
        <source>导出 Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/feedback/review.py" line="87"/>
        <source>导出打印页…</source>
        <translation>Export printable page…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/feedback/review.py" line="88"/>
        <source>部门 / 周 / 日期</source>
        <translation>Department / week / date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/feedback/review.py" line="88"/>
        <source>买家的话</source>
        <translation>Buyer&apos;s words</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/feedback/review.py" line="88"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/feedback/review.py" line="88"/>
        <source>客服</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/feedback/review.py" line="89"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/feedback/review.py" line="108"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/feedback/review.py" line="116"/>
        <source>没有设置团队共享文件夹</source>
        <translation>No team shared folder is set</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/feedback/review.py" line="118"/>
        <source>正在读取团队文件夹…</source>
        <translation>Reading the team folder…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/feedback/review.py" line="159"/>
        <source>（%1 个文件没有显示：无法读取，或不在每位客服最新的 30 条内）</source>
        <translation> (%1 files not shown: unreadable, or beyond each agent&apos;s newest 30)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/feedback/review.py" line="110"/>
        <source>%1 这一周</source>
        <translation>Week of %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/feedback/review.py" line="157"/>
        <source>共 %1 条，待处理 %2 条</source>
        <translation>%1 in all, %2 open</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/feedback/review.py" line="183"/>
        <source>Excel 表格 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/feedback/review.py" line="183"/>
        <source>网页 (*.html)</source>
        <translation>Web page (*.html)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/feedback/review.py" line="184"/>
        <source>导出意见反馈汇总</source>
        <translation>Export the feedback summary</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/feedback/review.py" line="200"/>
        <source>已导出：%1</source>
        <translation>Exported: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/feedback/review.py" line="204"/>
        <source>没有完成：%1</source>
        <translation>Not finished: %1</translation>
    </message>
</context>
<context>
    <name>FolderCheck</name>
    <message>
        <location filename="../../desktop/sync/share.py" line="50"/>
        <source>共享文件夹不可用：%1</source>
        <translation>The shared folder cannot be reached: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/share.py" line="52"/>
        <source>无法读取 %1：%2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/share.py" line="55"/>
        <source>已找到团队库</source>
        <translation>Found a team library</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/share.py" line="56"/>
        <source>可以使用；这里还没有团队库（主管发布后即可同步）</source>
        <translation>Usable; no team library here yet (it syncs once the lead publishes)</translation>
    </message>
</context>
<context>
    <name>GuardHooks</name>
    <message>
        <location filename="../../desktop/ui/suggestions/guard_hooks.py" line="108"/>
        <source>无热键</source>
        <translation>no key</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/guard_hooks.py" line="109"/>
        <source>记承诺（%1）</source>
        <translation>Promise (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/guard_hooks.py" line="110"/>
        <source>把这位买家的问题记为承诺，交给下一班在日清里跟进</source>
        <translation>Record this buyer&apos;s issue as a promise for the next shift to follow up in the end-of-shift list</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/guard_hooks.py" line="178"/>
        <source>稍等查询后回复买家（%1 分钟内）</source>
        <translation>Reply to the buyer after checking (within %1 minutes)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/guard_hooks.py" line="181"/>
        <source>已记入日清：%1 后跟进</source>
        <translation>Added to the end-of-shift list: follow up at %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/guard_hooks.py" line="200"/>
        <source>买家</source>
        <translation>the buyer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/guard_hooks.py" line="201"/>
        <source>该回复%1了：稍等查询的结果</source>
        <translation>Time to reply to %1: the result of your check</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/guard_hooks.py" line="203"/>
        <source>快答：跟进提醒</source>
        <translation>Kuaida: follow-up</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/guard_hooks.py" line="211"/>
        <source>不知道是哪位买家：复制带昵称的聊天记录后再记承诺</source>
        <translation>Which buyer? Copy chat lines with the buyer&apos;s nick, then record the promise</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/guard_hooks.py" line="216"/>
        <source>交接下一班：跟进%1</source>
        <translation>Hand over to the next shift: follow up %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/guard_hooks.py" line="216"/>
        <source>买家的问题</source>
        <translation>the buyer&apos;s issue</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/guard_hooks.py" line="218"/>
        <source>已记为承诺，下一班在日清里跟进：%1</source>
        <translation>Recorded as a promise for the next shift: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/guard_hooks.py" line="229"/>
        <source>这位买家</source>
        <translation>this buyer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/guard_hooks.py" line="237"/>
        <source>今天已向%1发过这句：1 是同类的下一句，再选 %2 仍粘贴</source>
        <translation>Already sent to %1 today: 1 is the next variant; pick %2 again to paste it anyway</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/guard_hooks.py" line="238"/>
        <source>一次</source>
        <translation>it</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/guard_hooks.py" line="240"/>
        <source>今天已向%1发过这句，再选一次仍粘贴</source>
        <translation>Already sent to %1 today; pick it again to paste it anyway</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/guard_hooks.py" line="252"/>
        <source>%1 先致歉</source>
        <translation>%1 apologise first</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/guard_hooks.py" line="253"/>
        <source>买家已等待；超过 %1 分钟先致歉</source>
        <translation>How long the buyer has waited; after %1 minutes, apologise first</translation>
    </message>
</context>
<context>
    <name>HandoverNotice</name>
    <message>
        <location filename="../../desktop/ui/reminders/handover.py" line="89"/>
        <source>未完成的承诺（%1）：</source>
        <translation>Open promises (%1):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/handover.py" line="91"/>
        <source>（%1 到期）</source>
        <translation> (due %1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/handover.py" line="113"/>
        <source>交接没能放到共享文件夹（只在本机显示）：%1</source>
        <translation>The handover did not reach the shared folder (shown on this PC only): %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/handover.py" line="116"/>
        <source>上一班的交接</source>
        <translation>Last shift&apos;s handover</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/handover.py" line="117"/>
        <source>%1 写的交接：</source>
        <translation>Handover from %1:</translation>
    </message>
</context>
<context>
    <name>HiddenPhrasesDialog</name>
    <message>
        <location filename="../../desktop/ui/suggestions/hidden_phrases.py" line="61"/>
        <source>已隐藏的团队短语</source>
        <translation>Hidden team phrases</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/hidden_phrases.py" line="62"/>
        <source>这些团队短语不再推荐，搜索仍能找到（标“已隐藏”）。恢复推荐后会重新出现在建议里。</source>
        <translation>These team phrases are no longer suggested; search still finds them (marked Hidden). Restore one to have it suggested again.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/hidden_phrases.py" line="63"/>
        <source>恢复推荐</source>
        <translation>Suggest again</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/hidden_phrases.py" line="64"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/hidden_phrases.py" line="65"/>
        <source>没有隐藏的短语。</source>
        <translation>No hidden phrases.</translation>
    </message>
</context>
<context>
    <name>Hotkeys</name>
    <message>
        <location filename="../../desktop/platform/hotkeys_common.py" line="29"/>
        <source>热键“%1”已用于“%2”</source>
        <translation>Hotkey “%1” is already used for “%2”</translation>
    </message>
    <message>
        <location filename="../../desktop/platform/hotkeys_null.py" line="12"/>
        <source>当前桌面环境不支持全局热键（Wayland），请点击建议或使用搜索</source>
        <translation>This desktop (Wayland) has no global hotkeys; click a reply or use search</translation>
    </message>
    <message>
        <location filename="../../desktop/platform/hotkeys_null.py" line="13"/>
        <source>当前系统不支持全局热键，请点击建议或使用搜索</source>
        <translation>This system has no global hotkeys; click a reply or use search</translation>
    </message>
    <message>
        <location filename="../../desktop/platform/hotkeys_windows.py" line="27"/>
        <source>无法注册热键“%1”（错误 %2）</source>
        <translation>Cannot register hotkey “%1” (error %2)</translation>
    </message>
    <message>
        <location filename="../../desktop/platform/hotkeys_x11.py" line="26"/>
        <source>无法连接 X 服务器，全局热键不可用</source>
        <translation>Cannot connect to the X server; global hotkeys are unavailable</translation>
    </message>
    <message>
        <location filename="../../desktop/platform/hotkeys_x11.py" line="27"/>
        <source>键盘布局里没有热键“%1”的按键</source>
        <translation>The keyboard layout has no key for hotkey “%1”</translation>
    </message>
    <message>
        <location filename="../../desktop/platform/keys.py" line="47"/>
        <source>热键“%1”已被其他程序占用，请换一个</source>
        <translation>Hotkey “%1” is taken by another program; choose another</translation>
    </message>
    <message>
        <location filename="../../desktop/platform/keys.py" line="72"/>
        <source>无法识别的热键：“%1”</source>
        <translation>Unknown hotkey: “%1”</translation>
    </message>
    <message>
        <location filename="../../desktop/platform/keys.py" line="77"/>
        <source>无法识别的修饰键“%1”（热键“%2”）</source>
        <translation>Unknown modifier “%1” (hotkey “%2”)</translation>
    </message>
    <message>
        <location filename="../../desktop/platform/keys.py" line="80"/>
        <source>热键“%1”缺少普通按键</source>
        <translation>Hotkey “%1” has no ordinary key</translation>
    </message>
    <message>
        <location filename="../../desktop/platform/keys.py" line="83"/>
        <source>热键“%1”需要至少一个修饰键（Ctrl、Alt、Shift 或 Win）</source>
        <translation>Hotkey “%1” needs at least one modifier (Ctrl, Alt, Shift or Win)</translation>
    </message>
    <message>
        <location filename="../../desktop/platform/keys.py" line="85"/>
        <source>无法识别的按键“%1”（热键“%2”）</source>
        <translation>Unknown key “%1” (hotkey “%2”)</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../desktop/core/customers.py" line="24"/>
        <source>红星</source>
        <translation>Red star</translation>
    </message>
    <message>
        <location filename="../../desktop/core/customers.py" line="24"/>
        <source>黄星</source>
        <translation>Yellow star</translation>
    </message>
    <message>
        <location filename="../../desktop/core/customers.py" line="25"/>
        <source>绿星</source>
        <translation>Green star</translation>
    </message>
    <message>
        <location filename="../../desktop/core/customers.py" line="25"/>
        <source>蓝星</source>
        <translation>Blue star</translation>
    </message>
    <message>
        <location filename="../../desktop/core/customers.py" line="26"/>
        <source>紫星</source>
        <translation>Purple star</translation>
    </message>
    <message>
        <location filename="../../desktop/core/reminders.py" line="40"/>
        <source>待催付</source>
        <translation>To remind</translation>
    </message>
    <message>
        <location filename="../../desktop/core/reminders.py" line="41"/>
        <source>已催付</source>
        <translation>Reminded</translation>
    </message>
    <message>
        <location filename="../../desktop/core/reminders.py" line="42"/>
        <location filename="../../desktop/ui/customers/panel.py" line="37"/>
        <location filename="../../desktop/ui/customers/panel.py" line="42"/>
        <source>已付款</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../desktop/core/reminders.py" line="43"/>
        <location filename="../../desktop/ui/customers/panel.py" line="38"/>
        <location filename="../../desktop/ui/customers/panel.py" line="42"/>
        <source>已关闭</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../desktop/core/reminders.py" line="44"/>
        <source>已超时</source>
        <translation>Timed out</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/customers/panel.py" line="36"/>
        <source>待付款</source>
        <translation>Awaiting payment</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/customers/panel.py" line="41"/>
        <source>催付</source>
        <translation>Reminded</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/customers/panel.py" line="41"/>
        <source>推迟</source>
        <translation>Snoozed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/customers/panel.py" line="43"/>
        <source>超时关闭</source>
        <translation>Closed (timed out)</translation>
    </message>
    <message>
        <location filename="../../desktop/core/daily_report.py" line="22"/>
        <source>买家消息</source>
        <translation>Buyer messages</translation>
    </message>
    <message>
        <location filename="../../desktop/core/daily_report.py" line="23"/>
        <source>有推荐（生成）</source>
        <translation>With suggestions (generated)</translation>
    </message>
    <message>
        <location filename="../../desktop/core/daily_report.py" line="24"/>
        <source>采纳（直接或改后粘贴）</source>
        <translation>Adopted (pasted as is or edited)</translation>
    </message>
    <message>
        <location filename="../../desktop/core/daily_report.py" line="25"/>
        <source>用快答回复</source>
        <translation>Replies from Kuaida</translation>
    </message>
    <message>
        <location filename="../../desktop/core/daily_report.py" line="26"/>
        <source>没有合适短语</source>
        <translation>No fitting phrase</translation>
    </message>
    <message>
        <location filename="../../desktop/core/daily_report.py" line="27"/>
        <source>催付次数</source>
        <translation>Reminders sent</translation>
    </message>
    <message>
        <location filename="../../desktop/core/daily_report.py" line="28"/>
        <source>催付订单</source>
        <translation>Orders reminded</translation>
    </message>
    <message>
        <location filename="../../desktop/core/daily_report.py" line="29"/>
        <source>催付后付款</source>
        <translation>Paid after a reminder</translation>
    </message>
    <message>
        <location filename="../../desktop/core/daily_report.py" line="30"/>
        <source>承诺按时完成</source>
        <translation>Promises kept</translation>
    </message>
    <message>
        <location filename="../../desktop/core/daily_report.py" line="31"/>
        <source>承诺超时</source>
        <translation>Promises overdue</translation>
    </message>
    <message>
        <location filename="../../desktop/core/daily_report.py" line="33"/>
        <source>催付转化</source>
        <translation>Reminder conversion</translation>
    </message>
    <message>
        <location filename="../../desktop/core/feedback_report.py" line="17"/>
        <source>待处理</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../desktop/core/feedback_report.py" line="18"/>
        <source>已转交</source>
        <translation>Passed on</translation>
    </message>
    <message>
        <location filename="../../desktop/core/feedback_report.py" line="19"/>
        <source>已答复</source>
        <translation>Answered</translation>
    </message>
    <message>
        <location filename="../../desktop/core/reminder_ladder.py" line="43"/>
        <source>第1步 问顾虑</source>
        <translation>Step 1: ask what holds them back</translation>
    </message>
    <message>
        <location filename="../../desktop/core/reminder_ladder.py" line="44"/>
        <source>第2步 再提醒</source>
        <translation>Step 2: remind again</translation>
    </message>
    <message>
        <location filename="../../desktop/core/reminder_ladder.py" line="45"/>
        <source>第3步 库存/截止</source>
        <translation>Step 3: stock/deadline</translation>
    </message>
    <message>
        <location filename="../../desktop/core/reminder_ladder.py" line="46"/>
        <source>最后提醒</source>
        <translation>Last reminder</translation>
    </message>
</context>
<context>
    <name>LibraryEditor</name>
    <message>
        <location filename="../../desktop/ui/team/editor/window.py" line="124"/>
        <source>团队短语库</source>
        <translation>Team library</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/window.py" line="125"/>
        <source>短语</source>
        <translation>Phrases</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/window.py" line="126"/>
        <source>活动与敏感词</source>
        <translation>Campaigns and sensitive words</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/window.py" line="127"/>
        <source>客服建议</source>
        <translation>Agents&apos; proposals</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/window.py" line="131"/>
        <source>使用统计</source>
        <translation>Usage</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/window.py" line="132"/>
        <source>短语库</source>
        <translation>Library</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/window.py" line="133"/>
        <source>新增短语</source>
        <translation>Add phrase</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/window.py" line="134"/>
        <source>删除短语</source>
        <translation>Delete phrase</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/window.py" line="135"/>
        <source>从 Excel/CSV 导入…</source>
        <translation>Import from Excel/CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/window.py" line="136"/>
        <source>确认全部推断意图</source>
        <translation>Confirm all inferred intents</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/window.py" line="137"/>
        <source>把没有意图的短语按推断的意图保存（可逐条改正）</source>
        <translation>Save the inferred intents of phrases without intents (each can still be corrected)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/window.py" line="138"/>
        <source>查看改动</source>
        <translation>Review changes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/window.py" line="139"/>
        <source>主管模式：打开团队私钥…</source>
        <translation>Lead mode: open the team key…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/window.py" line="140"/>
        <source>发布</source>
        <translation>Publish</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/window.py" line="124"/>
        <source>团队短语库（主管模式）</source>
        <translation>Team library (lead mode)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/window.py" line="189"/>
        <source>打开团队私钥</source>
        <translation>Open the team key</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/window.py" line="189"/>
        <source>团队私钥 (team.key);;所有文件 (*)</source>
        <translation>Team key (team.key);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/window.py" line="218"/>
        <source>已载入团队库 v{0}，{1} 条短语</source>
        <translation>Team library v{0} loaded, {1} phrases</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/window.py" line="230"/>
        <source>导入短语库</source>
        <translation>Import a library</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/window.py" line="230"/>
        <source>短语库 (*.csv *.xlsx *.txt);;所有文件 (*)</source>
        <translation>Libraries (*.csv *.xlsx *.txt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/window.py" line="247"/>
        <source>，跳过 {0} 行</source>
        <translation>, {0} rows skipped</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/window.py" line="251"/>
        <source>；{0} 条没有意图（推断出 {1} 条，请确认或改正）</source>
        <translation>; {0} phrases without intents ({1} inferred: confirm or correct them)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/window.py" line="252"/>
        <source>已导入：{0}{1}</source>
        <translation>Imported: {0}{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/window.py" line="256"/>
        <source>导入的短语库里没有快答自带的 {0} 条默认短语。不保留时，发布后客服只会看到你们自己的短语（默认短语里的 48小时、中通、满99包邮 未必和你们店一样）。要保留默认短语吗？</source>
        <translation>The imported library does not hold Kuaida&apos;s {0} bundled phrases. Without them, agents see only your own phrases after publishing (the bundled ones say 48 hours, ZTO, free shipping over 99, which may not be your shop&apos;s terms). Keep the bundled phrases?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/window.py" line="258"/>
        <source>快答自带的默认短语</source>
        <translation>Kuaida&apos;s bundled phrases</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/window.py" line="258"/>
        <source>保留默认短语</source>
        <translation>Keep bundled phrases</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/window.py" line="129"/>
        <source>客服建议 ({0})</source>
        <translation>Agents&apos; proposals ({0})</translation>
    </message>
</context>
<context>
    <name>LostSaleButton</name>
    <message>
        <location filename="../../desktop/ui/widgets/lost_sale.py" line="73"/>
        <source>未成交</source>
        <translation>No sale</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/lost_sale.py" line="74"/>
        <source>记录买家今天没买的原因（只统计人数上报组长）</source>
        <translation>Record why the buyer did not buy today (only the counts go to the team lead)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/lost_sale.py" line="84"/>
        <source>加备注…</source>
        <translation>Add a note…</translation>
    </message>
</context>
<context>
    <name>LostSaleNoteDialog</name>
    <message>
        <location filename="../../desktop/ui/widgets/lost_sale.py" line="27"/>
        <source>未成交原因：%1</source>
        <translation>Reason for no sale: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/lost_sale.py" line="32"/>
        <source>买家原话或补充（只保存在本机）</source>
        <translation>The buyer&apos;s words or more details (kept on this PC only)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/lost_sale.py" line="38"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/lost_sale.py" line="39"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>NudgeScheduler</name>
    <message>
        <location filename="../../desktop/ui/reminders/nudge_scheduler.py" line="100"/>
        <location filename="../../desktop/ui/reminders/nudge_scheduler.py" line="116"/>
        <source>该催付了</source>
        <translation>Payment reminder due</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/nudge_scheduler.py" line="101"/>
        <source>%1 位买家该催付了</source>
        <translation>%1 buyers to remind</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/nudge_scheduler.py" line="114"/>
        <source>%1%2，%3 自动关闭</source>
        <translation>%1%2, closes %3</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <location filename="../../desktop/ui/reminders/order_dialog.py" line="38"/>
        <source>手动添加待付款订单</source>
        <translation>Add an unpaid order by hand</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/order_dialog.py" line="42"/>
        <source>例如 128.00</source>
        <translation>e.g. 128.00</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/order_dialog.py" line="57"/>
        <source>订单编号</source>
        <translation>Order number</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/order_dialog.py" line="58"/>
        <source>买家会员名</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/order_dialog.py" line="59"/>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/order_dialog.py" line="60"/>
        <source>宝贝标题</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/order_dialog.py" line="61"/>
        <source>下单时间</source>
        <translation>Ordered at</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/order_dialog.py" line="75"/>
        <source>请填写买家会员名</source>
        <translation>Enter the buyer&apos;s name</translation>
    </message>
</context>
<context>
    <name>OverlayController</name>
    <message>
        <location filename="../../desktop/ui/suggestions/overlay_controller.py" line="91"/>
        <source>已记录未成交原因：%1</source>
        <translation>Reason for no sale recorded: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/overlay_controller.py" line="182"/>
        <source>请升级快答：本地数据库来自更新的版本</source>
        <translation>Please upgrade Kuaida: the local database is from a newer version</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/overlay_controller.py" line="184"/>
        <source>本地数据库无法打开</source>
        <translation>The local database cannot be opened</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/overlay_controller.py" line="185"/>
        <source>短语库打开失败</source>
        <translation>The phrase library failed to load</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/overlay_controller.py" line="217"/>
        <source>复制的记录里没有买家消息</source>
        <translation>No buyer message in the copied chat</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/overlay_controller.py" line="218"/>
        <source>【%1】%2</source>
        <translation>[%1] %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/overlay_controller.py" line="351"/>
        <source>已暂停监听剪贴板</source>
        <translation>Clipboard watching paused</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/overlay_controller.py" line="355"/>
        <source>部分热键不可用，见设置</source>
        <translation>Some hotkeys are unavailable; see Settings</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/overlay_controller.py" line="358"/>
        <source>%1+1…9 粘贴 · %2 搜索</source>
        <translation>%1+1…9 paste · %2 search</translation>
    </message>
</context>
<context>
    <name>OverlayWindow</name>
    <message>
        <location filename="../../desktop/ui/shell/overlay_window.py" line="144"/>
        <location filename="../../desktop/ui/shell/overlay_window.py" line="250"/>
        <source>建议</source>
        <translation>Replies</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/overlay_window.py" line="75"/>
        <location filename="../../desktop/ui/shell/overlay_window.py" line="248"/>
        <location filename="../../desktop/ui/shell/overlay_window.py" line="252"/>
        <source>正在加载短语库…</source>
        <translation>Loading the phrase library…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/overlay_window.py" line="254"/>
        <source>继续</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/overlay_window.py" line="254"/>
        <source>暂停</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/overlay_window.py" line="255"/>
        <source>已暂停监听剪贴板</source>
        <translation>Clipboard watching paused</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/overlay_window.py" line="255"/>
        <source>暂停监听剪贴板</source>
        <translation>Pause clipboard watching</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/overlay_window.py" line="256"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>PastePipeline</name>
    <message>
        <location filename="../../desktop/ui/suggestions/paste_pipeline.py" line="140"/>
        <source>已复制，在聊天窗口按 Ctrl+V 粘贴</source>
        <translation>Copied: press Ctrl+V in the chat window</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/paste_pipeline.py" line="142"/>
        <source>已粘贴，检查后按 Enter 发送</source>
        <translation>Pasted: check it, then press Enter to send</translation>
    </message>
</context>
<context>
    <name>PhraseDialog</name>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_dialog.py" line="45"/>
        <source>编辑我的短语</source>
        <translation>Edit my phrase</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_dialog.py" line="45"/>
        <source>新建我的短语</source>
        <translation>New phrase</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_dialog.py" line="51"/>
        <source>保存后，复制同样的买家消息时这条短语排第一（只保存加密的特征，不保存原文）</source>
        <translation>Once saved, this phrase comes first when the same buyer message is copied (only hashed features are kept, not the text)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_dialog.py" line="53"/>
        <source>回复内容，可用 {买家}、{客服}、{店铺} 等变量</source>
        <translation>Reply text; variables such as {买家}, {客服}, {店铺} are filled in</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_dialog.py" line="61"/>
        <source>如 fh1，在搜索框输入即可找到</source>
        <translation>e.g. fh1; type it in the search box to find the phrase</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_dialog.py" line="73"/>
        <source>确认</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_dialog.py" line="74"/>
        <source>采用推断的适用问题；也可以在上面直接勾选</source>
        <translation>Use the inferred buyer questions; or tick others above</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_dialog.py" line="83"/>
        <source>买家问题</source>
        <translation>Buyer&apos;s question</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_dialog.py" line="85"/>
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_dialog.py" line="86"/>
        <source>分组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_dialog.py" line="87"/>
        <source>快捷编码</source>
        <translation>Shortcut code</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_dialog.py" line="88"/>
        <source>适用问题（最多 %1 个）</source>
        <translation>Buyer questions (at most %1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_dialog.py" line="95"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_dialog.py" line="96"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_dialog.py" line="114"/>
        <source>推断：%1（未确认）</source>
        <translation>Inferred: %1 (not confirmed)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_dialog.py" line="112"/>
        <source>未选适用问题：这条短语只能搜索，不会按买家消息推荐</source>
        <translation>No buyer question chosen: this phrase is found by search only, never suggested</translation>
    </message>
</context>
<context>
    <name>PhraseFiles</name>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_files.py" line="50"/>
        <source>千牛格式 CSV（可导入千牛/旺旺）(*.csv)</source>
        <translation>Qianniu CSV (imports into Qianniu/Wangwang) (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_files.py" line="51"/>
        <source>千牛格式 CSV，GBK 编码（旧版千牛）(*.csv)</source>
        <translation>Qianniu CSV, GBK encoding (old Qianniu) (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_files.py" line="52"/>
        <source>快答完整格式 CSV（含意图、关键词）(*.csv)</source>
        <translation>Kuaida full CSV (with intents, keywords) (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_files.py" line="53"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_files.py" line="86"/>
        <source>导入短语…</source>
        <translation>Import phrases…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_files.py" line="87"/>
        <source>把千牛/旺旺导出的快捷短语表（CSV 或 Excel）导入为我的短语</source>
        <translation>Import a Qianniu/Wangwang quick-reply sheet (CSV or Excel) as my phrases</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_files.py" line="88"/>
        <source>导出短语…</source>
        <translation>Export phrases…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_files.py" line="89"/>
        <source>把我的短语导出为千牛可导入的表格</source>
        <translation>Export my phrases as a sheet Qianniu can import</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_files.py" line="112"/>
        <source>已把 %1 导入到我的短语：%2</source>
        <translation>Imported %1 into my phrases: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_files.py" line="113"/>
        <source>跳过 %1</source>
        <translation>Skipped %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_files.py" line="115"/>
        <source>其中 %1 条有适用问题（推断 %2 条），%3 条没有，不会按买家消息推荐。</source>
        <translation>%1 of them answer a buyer question (%2 inferred); %3 answer none and are never suggested.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_files.py" line="118"/>
        <source>推断：%1	%2</source>
        <translation>Inferred: %1	%2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_files.py" line="120"/>
        <source>没有适用问题	%1</source>
        <translation>No buyer question	%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_files.py" line="121"/>
        <location filename="../../desktop/ui/suggestions/phrase_files.py" line="129"/>
        <location filename="../../desktop/ui/suggestions/phrase_files.py" line="180"/>
        <source>导入短语</source>
        <translation>Import phrases</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_files.py" line="128"/>
        <source>导入失败：%1（短语库没有任何改动）</source>
        <translation>Import failed: %1 (the phrase library is unchanged)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_files.py" line="152"/>
        <source>已导出 %1 条我的短语到 %2</source>
        <translation>Exported %1 of my phrases to %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_files.py" line="153"/>
        <source>编号 %1：GBK 无法保存的字符已省略：%2</source>
        <translation>Id %1: characters GBK cannot hold were left out: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_files.py" line="156"/>
        <source>%1 条短语含 GBK 无法保存的字符（如表情），导出时已省略。</source>
        <translation>%1 phrases contain characters GBK cannot hold (such as emoji); they were left out.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_files.py" line="158"/>
        <source>变量没有值：%1	%2</source>
        <translation>Variables without a value: %1	%2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_files.py" line="161"/>
        <source>%1 条短语的变量没有值，导出时已省去（千牛会原样发送花括号），请在千牛里补上。</source>
        <translation>%1 phrases have variables without a value; they were left out of the export (Qianniu would send the braces as they are). Fill them in in Qianniu.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_files.py" line="163"/>
        <location filename="../../desktop/ui/suggestions/phrase_files.py" line="167"/>
        <location filename="../../desktop/ui/suggestions/phrase_files.py" line="187"/>
        <source>导出短语</source>
        <translation>Export phrases</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_files.py" line="167"/>
        <source>导出失败：%1</source>
        <translation>Export failed: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_files.py" line="181"/>
        <source>短语表 (*.csv *.xlsx);;所有文件 (*)</source>
        <translation>Phrase sheets (*.csv *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_files.py" line="186"/>
        <source>我的快捷短语.csv</source>
        <translation>my-quick-replies.csv</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_files.py" line="199"/>
        <source>快答自带的默认短语</source>
        <translation>Kuaida&apos;s bundled phrases</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_files.py" line="200"/>
        <source>已有你们自己的短语了。还要推荐快答自带的默认短语吗？</source>
        <translation>You have your own phrases now. Keep suggesting Kuaida&apos;s bundled phrases too?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_files.py" line="201"/>
        <source>默认短语里的时效、快递、包邮条件（如 48小时、中通、满99包邮）未必和你们店一样。不推荐时，只推荐你们自己的短语；以后可在设置里改。</source>
        <translation>The bundled phrases&apos; delivery times, couriers and free-shipping terms (48 hours, ZTO, free over 99) may not be your shop&apos;s. Without them only your own phrases are suggested; you can change this in Settings later.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_files.py" line="203"/>
        <source>只用我们的短语</source>
        <translation>Only our phrases</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_files.py" line="204"/>
        <source>继续推荐默认短语</source>
        <translation>Keep the bundled phrases</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/phrase_files.py" line="224"/>
        <source>……另有 %1 行</source>
        <translation>…and %1 more rows</translation>
    </message>
</context>
<context>
    <name>PhraseForm</name>
    <message>
        <location filename="../../desktop/ui/team/editor/phrase_form.py" line="112"/>
        <source>回复内容，可用 {买家}、{客服}、{店铺}、{活动} 等变量</source>
        <translation>Reply text; variables such as {买家}, {客服}, {店铺}, {活动} are filled in</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/phrase_form.py" line="113"/>
        <source>插入表情</source>
        <translation>Insert emoji</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/phrase_form.py" line="115"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/phrase_form.py" line="116"/>
        <source>确认</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/phrase_form.py" line="117"/>
        <source>采用推断的意图；也可以在上面直接改选</source>
        <translation>Use the inferred intents; or choose others above</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/phrase_form.py" line="118"/>
        <source>用 | 分隔，如 发货|几天到</source>
        <translation>Separate with |, e.g. 发货|几天到</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/phrase_form.py" line="119"/>
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/phrase_form.py" line="119"/>
        <source>分组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/phrase_form.py" line="119"/>
        <source>快捷编码</source>
        <translation>Shortcut code</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/phrase_form.py" line="119"/>
        <source>意图</source>
        <translation>Intents</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/phrase_form.py" line="119"/>
        <source>关键词</source>
        <translation>Keywords</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/phrase_form.py" line="120"/>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/phrase_form.py" line="123"/>
        <source>标记</source>
        <translation>Flags</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/phrase_form.py" line="124"/>
        <source>稍等查询</source>
        <translation>Let me check</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/phrase_form.py" line="124"/>
        <source>致歉</source>
        <translation>Apology</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/phrase_form.py" line="124"/>
        <source>安抚</source>
        <translation>Calming</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/phrase_form.py" line="125"/>
        <source>升级</source>
        <translation>Escalation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/phrase_form.py" line="171"/>
        <source>推断：%1（未确认）</source>
        <translation>Inferred: %1 (not confirmed)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/phrase_form.py" line="209"/>
        <source>可改为：{0}</source>
        <translation>Could read: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/phrase_form.py" line="169"/>
        <source>没有意图：不会按买家消息推荐，请在上面选择</source>
        <translation>No intent: never suggested for a buyer message; choose one above</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/phrase_form.py" line="207"/>
        <source>含敏感词：{0}</source>
        <translation>Sensitive words: {0}</translation>
    </message>
</context>
<context>
    <name>PhrasesTab</name>
    <message>
        <location filename="../../desktop/ui/team/editor/phrases_tab.py" line="97"/>
        <source>亲，</source>
        <translation>亲，</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/phrases_tab.py" line="113"/>
        <source>已确认 {0} 条推断的意图；{1} 条没有意图，请逐条选择</source>
        <translation>Confirmed {0} inferred intents; {1} phrases have none, choose them one by one</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/phrases_tab.py" line="67"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
</context>
<context>
    <name>ProposalsTab</name>
    <message>
        <location filename="../../desktop/ui/team/editor/proposals_tab.py" line="51"/>
        <source>采纳（加入草稿后可编辑）</source>
        <translation>Accept (editable in the draft)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/proposals_tab.py" line="52"/>
        <source>不采纳</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/proposals_tab.py" line="53"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/proposals_tab.py" line="55"/>
        <source>建议由客服写入共享文件夹，署名未经验证。</source>
        <translation>Agents write proposals to the shared folder; the names are unverified.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/proposals_tab.py" line="57"/>
        <source>另有 {0} 个文件未显示（无法读取、不是快答的建议或超出上限）。</source>
        <translation> {0} more files not shown (unreadable, not Kuaida proposals, or over the limit).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/proposals_tab.py" line="70"/>
        <source>客服</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/proposals_tab.py" line="71"/>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/proposals_tab.py" line="72"/>
        <source>（%1）</source>
        <translation> (%1)</translation>
    </message>
</context>
<context>
    <name>Publishing</name>
    <message>
        <location filename="../../desktop/ui/team/editor/publishing.py" line="75"/>
        <source>将要发布的改动</source>
        <translation>Changes to publish</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/publishing.py" line="76"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/publishing.py" line="82"/>
        <source>只有持有团队私钥的主管可以发布</source>
        <translation>Only the lead holding the team key can publish</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/publishing.py" line="85"/>
        <source>这把私钥不是团队正在使用的密钥（指纹 {0}），客服会拒绝它发布的版本</source>
        <translation>This is not the team&apos;s key (fingerprint {0}); agents would reject what it publishes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/publishing.py" line="91"/>
        <source>有 {0} 条短语需要先修改：{1}</source>
        <translation>{0} phrases need fixing first: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/publishing.py" line="114"/>
        <source>短语含敏感词</source>
        <translation>Phrases with sensitive words</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/publishing.py" line="115"/>
        <source>{0} 条短语含敏感词，发布后客服可能被平台处罚：
{1}</source>
        <translation>{0} phrases contain sensitive words; the platform may penalise agents who use them:
{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/publishing.py" line="116"/>
        <source>采用替代说法</source>
        <translation>Use the replacements</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/publishing.py" line="120"/>
        <source>已用替代说法修正 {0} 条短语，请检查后再发布</source>
        <translation>Fixed {0} phrases with the replacements; check them, then publish</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/publishing.py" line="123"/>
        <source>仍然发布</source>
        <translation>Publish anyway</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/publishing.py" line="124"/>
        <source>{0} 条短语含敏感词：
{1}

仍要发布请写明理由（写进发布记录）：</source>
        <translation>{0} phrases contain sensitive words:
{1}

To publish anyway, give a reason (kept in the publish record):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/publishing.py" line="128"/>
        <source>未发布：请先修改含敏感词的短语</source>
        <translation>Not published: fix the phrases with sensitive words first</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/publishing.py" line="96"/>
        <source>发布团队库</source>
        <translation>Publish the team library</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/publishing.py" line="97"/>
        <source>发布</source>
        <translation>Publish</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/publishing.py" line="142"/>
        <source>正在发布…</source>
        <translation>Publishing…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/publishing.py" line="153"/>
        <source>已发布团队库 v{0}</source>
        <translation>Team library v{0} published</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/publishing.py" line="163"/>
        <source>发布失败：共享文件夹无法写入</source>
        <translation>Publishing failed: the shared folder cannot be written</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/publishing.py" line="167"/>
        <source>已发布，但本机的团队库未能更新，将在下次同步时更新</source>
        <translation>Published, but this PC&apos;s copy of the team library was not updated; the next sync will update it</translation>
    </message>
</context>
<context>
    <name>ReminderLadder</name>
    <message>
        <location filename="../../desktop/core/reminder_ladder.py" line="107"/>
        <source>近期催付过多，不再打扰</source>
        <translation>Reminded too often lately: left alone</translation>
    </message>
    <message>
        <location filename="../../desktop/core/reminder_ladder.py" line="109"/>
        <source>%1小时内已催过该买家的其他订单（%2 后可再催）</source>
        <translation>Reminded about another order within %1 h (again after %2)</translation>
    </message>
</context>
<context>
    <name>ReminderListModel</name>
    <message>
        <location filename="../../desktop/ui/reminders/model.py" line="110"/>
        <source>还剩 %1 小时</source>
        <translation>%1 h left</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/model.py" line="110"/>
        <source>即将关闭</source>
        <translation>Closing soon</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/model.py" line="112"/>
        <source>该催了 · </source>
        <translation>Due · </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/model.py" line="114"/>
        <source>暂不催付 · </source>
        <translation>Held back · </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/model.py" line="119"/>
        <source>（%1 次）</source>
        <translation> (%1×)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/model.py" line="126"/>
        <source>订单 %1</source>
        <translation>Order %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/model.py" line="127"/>
        <source>下单 %1</source>
        <translation>Ordered %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/model.py" line="128"/>
        <source>自动关闭 %1</source>
        <translation>Closes %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/model.py" line="130"/>
        <source>建议催付 %1</source>
        <translation>Remind at %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/model.py" line="132"/>
        <source>上次催付 %1</source>
        <translation>Last reminded %1</translation>
    </message>
</context>
<context>
    <name>ReminderSettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/reminders/settings_dialog.py" line="28"/>
        <source>催付设置</source>
        <translation>Reminder settings</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/settings_dialog.py" line="32"/>
        <source>当前活动 {活动}</source>
        <translation>Current campaign {活动}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/settings_dialog.py" line="32"/>
        <source>例如：双11返场，满199减20</source>
        <translation>e.g. 双11返场，满199减20</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/settings_dialog.py" line="33"/>
        <source>未付款自动关闭</source>
        <translation>Unpaid orders close after</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/settings_dialog.py" line="33"/>
        <location filename="../../desktop/ui/reminders/settings_dialog.py" line="37"/>
        <location filename="../../desktop/ui/reminders/settings_dialog.py" line="39"/>
        <source> 小时</source>
        <translation> h</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/settings_dialog.py" line="34"/>
        <source>各平台关闭时间</source>
        <translation>Closing time per platform</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/settings_dialog.py" line="35"/>
        <source>下单后首次催付</source>
        <translation>First reminder after ordering</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/settings_dialog.py" line="35"/>
        <location filename="../../desktop/ui/reminders/settings_dialog.py" line="36"/>
        <location filename="../../desktop/ui/reminders/settings_dialog.py" line="38"/>
        <location filename="../../desktop/ui/reminders/settings_dialog.py" line="42"/>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/settings_dialog.py" line="36"/>
        <source>下单后第二次催付</source>
        <translation>Second reminder after the order</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/settings_dialog.py" line="37"/>
        <source>下单后库存/截止催付</source>
        <translation>Stock/deadline reminder after the order</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/settings_dialog.py" line="38"/>
        <source>关闭前最后催付</source>
        <translation>Last reminder before closing</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/settings_dialog.py" line="39"/>
        <source>同一买家两次催付至少间隔</source>
        <translation>At least this long between reminders to one buyer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/settings_dialog.py" line="40"/>
        <source>近几天催付超过几次不再打扰</source>
        <translation>Leave a buyer alone after more reminders than</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/settings_dialog.py" line="40"/>
        <source> 次</source>
        <translation> times</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/settings_dialog.py" line="41"/>
        <source>（计算的天数）</source>
        <translation>(within days)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/settings_dialog.py" line="41"/>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/settings_dialog.py" line="42"/>
        <source>“稍后”推迟</source>
        <translation>&quot;Later&quot; postpones by</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/settings_dialog.py" line="43"/>
        <source>催付后给买家亮星并打“催付过”标签</source>
        <translation>Star the buyer and tag 催付过 after a reminder</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/settings_dialog.py" line="48"/>
        <source>店铺时区</source>
        <translation>Shop&apos;s time zone</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/settings_dialog.py" line="48"/>
        <source>空：本机时区；如 Asia/Shanghai</source>
        <translation>Empty: this PC&apos;s zone; e.g. Asia/Shanghai</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/settings_dialog.py" line="59"/>
        <source>此设置由管理员锁定</source>
        <translation>Locked by your administrator</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/settings_dialog.py" line="90"/>
        <source>不认识的时区名称</source>
        <translation>Unknown time-zone name</translation>
    </message>
</context>
<context>
    <name>RemindersFeature</name>
    <message>
        <location filename="../../desktop/ui/reminders/feature.py" line="76"/>
        <source>未成交原因没有记录：%1</source>
        <translation>Reason for no sale not recorded: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/feature.py" line="88"/>
        <source>催付</source>
        <translation>Remind</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/feature.py" line="89"/>
        <source>客户</source>
        <translation>Buyers</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/feature.py" line="90"/>
        <source>日清…</source>
        <translation>End of shift…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/feature.py" line="109"/>
        <source>标记已付款失败：%1</source>
        <translation>Could not mark as paid: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/feature.py" line="112"/>
        <source>已记录未成交原因：%1 · %2</source>
        <translation>Reason for no sale recorded: %1 · %2</translation>
    </message>
</context>
<context>
    <name>RemindersPanel</name>
    <message>
        <location filename="../../desktop/ui/reminders/panel.py" line="143"/>
        <source>更多</source>
        <translation>More</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/panel.py" line="144"/>
        <source>导入订单表…</source>
        <translation>Import orders…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/panel.py" line="145"/>
        <source>手动添加订单…</source>
        <translation>Add an order by hand…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/panel.py" line="146"/>
        <source>导出催付转化（CSV）…</source>
        <translation>Export reminder conversion (CSV)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/panel.py" line="147"/>
        <source>日清…</source>
        <translation>End of shift…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/panel.py" line="148"/>
        <source>催付设置…</source>
        <translation>Reminder settings…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/panel.py" line="149"/>
        <source>催付</source>
        <translation>Remind</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/panel.py" line="150"/>
        <source>粘贴一条催付话术，并记为已催付</source>
        <translation>Paste a reminder and count it</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/panel.py" line="151"/>
        <source>稍后</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/panel.py" line="152"/>
        <source>推迟 %1 分钟再提醒</source>
        <translation>Remind again in %1 minutes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/panel.py" line="153"/>
        <source>已付款</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/panel.py" line="154"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/panel.py" line="155"/>
        <source>客户</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/panel.py" line="156"/>
        <source>没有待催付的订单。
点右上角 ⋯ 导入今天的订单表，或复制订单号加入催付。</source>
        <translation>No orders to remind.
Import today&apos;s orders with ⋯ at the top right, or copy an order number to add it.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/panel.py" line="225"/>
        <source>操作失败：%1</source>
        <translation>Failed: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/panel.py" line="186"/>
        <source>正在加载…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/panel.py" line="163"/>
        <source>关闭（不记原因）</source>
        <translation>Close (no reason)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/panel.py" line="164"/>
        <source>买家没买的原因</source>
        <translation>Why the buyer did not buy</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/panel.py" line="190"/>
        <source>待催付 %1 · 今日催付 %2 次 / %3 单 · 已付款 %4</source>
        <translation>To remind %1 · today %2 reminders / %3 orders · paid %4</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/panel.py" line="193"/>
        <source> · 转化 %1</source>
        <translation> · conversion %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/panel.py" line="228"/>
        <source>正在导入 %1 …</source>
        <translation>Importing %1…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/panel.py" line="232"/>
        <source>导入完成：%1</source>
        <translation>Imported: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/panel.py" line="234"/>
        <source>；%1 行有问题已跳过</source>
        <translation>; %1 rows with problems skipped</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/panel.py" line="235"/>
        <source>第 %1 行：%2</source>
        <translation>Row %1: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/panel.py" line="238"/>
        <source>……另有 %1 行</source>
        <translation>…and %1 more rows</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/panel.py" line="239"/>
        <source>部分行未导入</source>
        <translation>Some rows were not imported</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/panel.py" line="243"/>
        <source>无法导入：%1</source>
        <translation>Cannot import: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/panel.py" line="244"/>
        <source>无法导入订单表</source>
        <translation>Cannot import the orders</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/panel.py" line="247"/>
        <source>已导出 %1 天的催付转化到 %2</source>
        <translation>Exported %1 days of reminder conversion to %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/panel.py" line="269"/>
        <source>导入订单表</source>
        <translation>Import orders</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/panel.py" line="270"/>
        <source>订单表 (*.csv *.xlsx *.txt);;所有文件 (*)</source>
        <translation>Orders (*.csv *.xlsx *.txt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/panel.py" line="276"/>
        <source>导出催付转化</source>
        <translation>Export reminder conversion</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders/panel.py" line="276"/>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
</context>
<context>
    <name>ReportWindow</name>
    <message>
        <location filename="../../desktop/ui/report/window.py" line="48"/>
        <source>网页 (*.html)</source>
        <translation>Web page (*.html)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report/window.py" line="104"/>
        <source>日报</source>
        <translation>Daily report</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report/window.py" line="105"/>
        <source>我的</source>
        <translation>Mine</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report/window.py" line="106"/>
        <source>团队</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report/window.py" line="107"/>
        <source>导出网页…</source>
        <translation>Export web page…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report/window.py" line="108"/>
        <source>昨天</source>
        <translation>Yesterday</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report/window.py" line="109"/>
        <source>本周</source>
        <translation>This week</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report/window.py" line="112"/>
        <source>最近 7 天用快答回复</source>
        <translation>Replies with Kuaida, last 7 days</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report/window.py" line="112"/>
        <source>本周未成交原因</source>
        <translation>Reasons for no sale this week</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report/window.py" line="112"/>
        <source>本周意见反馈（按部门）</source>
        <translation>Feedback this week (by department)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report/window.py" line="126"/>
        <source>正在统计…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report/window.py" line="133"/>
        <source>没有设置团队共享文件夹</source>
        <translation>No team shared folder is set</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report/window.py" line="147"/>
        <source>各客服的统计文件未经验证</source>
        <translation>The agents&apos; stats files are unverified</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report/window.py" line="149"/>
        <source>，%1 个统计文件不可信或无法读取，未计入</source>
        <translation>; %1 stats files were untrustworthy or unreadable and are not counted</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report/window.py" line="159"/>
        <source>（%1 位客服）</source>
        <translation>(%1 agents)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report/window.py" line="159"/>
        <source>团队日报</source>
        <translation>Team report</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report/window.py" line="162"/>
        <source>%1的日报</source>
        <translation>%1’s report</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report/window.py" line="162"/>
        <source>我的日报</source>
        <translation>My report</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report/window.py" line="174"/>
        <source>没有数据</source>
        <translation>No data</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report/window.py" line="183"/>
        <source>导出日报</source>
        <translation>Export the daily report</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report/window.py" line="191"/>
        <source>已导出：%1</source>
        <translation>Exported: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report/window.py" line="195"/>
        <source>没有完成：%1</source>
        <translation>Not finished: %1</translation>
    </message>
</context>
<context>
    <name>RoundAnswerDialog</name>
    <message>
        <location filename="../../desktop/ui/rounds/answer_dialog.py" line="28"/>
        <source>话术优化：%1</source>
        <translation>Better replies: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/rounds/answer_dialog.py" line="34"/>
        <source>组长想知道你平时怎么回答这些问题。写下你的说法，或选一条你自己的短语。</source>
        <translation>The team lead would like to know how you usually answer these questions. Write your answer, or pick one of your own phrases.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/rounds/answer_dialog.py" line="41"/>
        <source>从我的短语中选…</source>
        <translation>Pick from my phrases…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/rounds/answer_dialog.py" line="47"/>
        <source>你的回答（可不答）</source>
        <translation>Your answer (optional)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/rounds/answer_dialog.py" line="60"/>
        <source>交给组长</source>
        <translation>Send to the team lead</translation>
    </message>
</context>
<context>
    <name>RoundsButton</name>
    <message>
        <location filename="../../desktop/ui/rounds/feature.py" line="41"/>
        <source>话术优化 (%1)</source>
        <translation>Better replies (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/rounds/feature.py" line="42"/>
        <source>组长想知道你怎么回答几个常见问题</source>
        <translation>The team lead would like to know how you answer a few common questions</translation>
    </message>
</context>
<context>
    <name>RoundsFeature</name>
    <message>
        <location filename="../../desktop/ui/rounds/feature.py" line="113"/>
        <source>话术优化</source>
        <translation>Better replies</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/rounds/feature.py" line="114"/>
        <source>组长想知道你怎么回答 %1 个常见问题，有空时点“话术优化”作答</source>
        <translation>The team lead would like to know how you answer %1 common questions; click “Better replies” when you have time</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/rounds/feature.py" line="149"/>
        <source>答案已交给组长，谢谢！</source>
        <translation>Answers sent to the team lead, thank you!</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/rounds/feature.py" line="159"/>
        <source>没有交：%1</source>
        <translation>Not sent: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/rounds/feature.py" line="166"/>
        <source>没有交给组长（团队文件夹不可用？）：%1</source>
        <translation>Not sent to the team lead (team folder unavailable?): %1</translation>
    </message>
</context>
<context>
    <name>RoundsWindow</name>
    <message>
        <location filename="../../desktop/ui/rounds/lead_window.py" line="57"/>
        <source>打开团队私钥</source>
        <translation>Open the team key</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/rounds/lead_window.py" line="57"/>
        <source>团队私钥 (team.key);;所有文件 (*)</source>
        <translation>Team key (team.key);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/rounds/lead_window.py" line="102"/>
        <source>话术优化</source>
        <translation>Better replies</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/rounds/lead_window.py" line="103"/>
        <source>这一轮的名字（例如：第 12 周）</source>
        <translation>Name of this round (e.g. week 12)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/rounds/lead_window.py" line="104"/>
        <source>买家常问的问题，每行一个（最多 10 个）</source>
        <translation>Questions buyers often ask, one per line (at most 10)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/rounds/lead_window.py" line="105"/>
        <source>常见的没有合适短语：</source>
        <translation>Often asked without a fitting phrase:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/rounds/lead_window.py" line="109"/>
        <source>发布这一轮…</source>
        <translation>Publish this round…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/rounds/lead_window.py" line="110"/>
        <source>回答</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/rounds/lead_window.py" line="110"/>
        <source>问题 / 客服（名字未经验证）</source>
        <translation>Question / agent (names unverified)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/rounds/lead_window.py" line="111"/>
        <source>这条短语被用过</source>
        <translation>This phrase has been used</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/rounds/lead_window.py" line="112"/>
        <source>采用为团队短语…</source>
        <translation>Adopt as a team phrase…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/rounds/lead_window.py" line="113"/>
        <source>答案：</source>
        <translation>Answer:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/rounds/lead_window.py" line="114"/>
        <source>新一轮</source>
        <translation>New round</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/rounds/lead_window.py" line="140"/>
        <location filename="../../desktop/ui/rounds/lead_window.py" line="232"/>
        <source>没有设置团队共享文件夹</source>
        <translation>No team shared folder is set</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/rounds/lead_window.py" line="153"/>
        <source>这台电脑还没有信任团队密钥：先同步一次</source>
        <translation>This PC does not trust the team key yet: sync once first</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/rounds/lead_window.py" line="108"/>
        <location filename="../../desktop/ui/rounds/lead_window.py" line="169"/>
        <source>把这个话题加入问题</source>
        <translation>Add this topic to the questions</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/rounds/lead_window.py" line="174"/>
        <source>关于%1：</source>
        <translation>About %1:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/rounds/lead_window.py" line="129"/>
        <source>%1 人回答</source>
        <translation>%1 answered</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/rounds/lead_window.py" line="133"/>
        <source>（新写的）</source>
        <translation>(newly written)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/rounds/lead_window.py" line="132"/>
        <source>（未署名）</source>
        <translation>(unsigned)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/rounds/lead_window.py" line="249"/>
        <source>这把私钥不是团队正在使用的密钥（指纹 %1），客服不会看到它发布的问题</source>
        <translation>This private key is not the team&apos;s current key (fingerprint %1): agents would never see questions it publishes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/rounds/lead_window.py" line="258"/>
        <source>已发布「%1」：客服下次同步后会看到</source>
        <translation>Published “%1”: agents see it after their next sync</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/rounds/lead_window.py" line="272"/>
        <source>没有完成：%1</source>
        <translation>Not finished: %1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/shell/settings_dialog.py" line="75"/>
        <source>快答设置</source>
        <translation>Kuaida settings</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/settings_dialog.py" line="78"/>
        <source>客服昵称 {客服}</source>
        <translation>Agent name {客服}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/settings_dialog.py" line="79"/>
        <source>店铺名称 {店铺}</source>
        <translation>Shop name {店铺}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/settings_dialog.py" line="80"/>
        <source>选择回复后</source>
        <translation>After choosing a reply</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/settings_dialog.py" line="81"/>
        <source>复制并粘贴到聊天窗口</source>
        <translation>Copy and paste into the chat window</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/settings_dialog.py" line="81"/>
        <source>只复制</source>
        <translation>Copy only</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/settings_dialog.py" line="82"/>
        <source>粘贴后恢复原来的剪贴板</source>
        <translation>Restore the previous clipboard after pasting</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/settings_dialog.py" line="83"/>
        <source>监听剪贴板并给出建议</source>
        <translation>Watch the clipboard and suggest replies</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/settings_dialog.py" line="84"/>
        <source>有了自己的短语后仍推荐快答默认短语</source>
        <translation>Keep suggesting Kuaida&apos;s bundled phrases after importing our own</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/settings_dialog.py" line="85"/>
        <source>同一买家今天已发过的话术，粘贴前提醒</source>
        <translation>Warn before pasting a reply this buyer already had today</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/settings_dialog.py" line="87"/>
        <source>质检自查计时（买家久等先推荐致歉，稍等查询到时提醒跟进）</source>
        <translation>Service timers (apology first after a long wait, follow-up reminder after &quot;let me check&quot;)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/settings_dialog.py" line="88"/>
        <source>退款、投诉等高风险消息先推荐安抚和升级话术</source>
        <translation>Refund, complaint and other high-risk messages: calming and escalation phrases first</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/settings_dialog.py" line="91"/>
        <source>主题</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/settings_dialog.py" line="92"/>
        <source>跟随系统</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/settings_dialog.py" line="92"/>
        <source>浅色</source>
        <translation>Light</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/settings_dialog.py" line="92"/>
        <source>深色</source>
        <translation>Dark</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/settings_dialog.py" line="93"/>
        <source>字号</source>
        <translation>Font size</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/settings_dialog.py" line="94"/>
        <source>窗口位置</source>
        <translation>Window position</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/settings_dialog.py" line="95"/>
        <source>自由摆放</source>
        <translation>Free</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/settings_dialog.py" line="95"/>
        <source>停靠屏幕左侧</source>
        <translation>Dock to the left edge</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/settings_dialog.py" line="96"/>
        <source>停靠屏幕右侧</source>
        <translation>Dock to the right edge</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/settings_dialog.py" line="97"/>
        <source>语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/settings_dialog.py" line="100"/>
        <source>显示/隐藏</source>
        <translation>Show/hide</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/settings_dialog.py" line="101"/>
        <source>搜索短语</source>
        <translation>Search phrases</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/settings_dialog.py" line="102"/>
        <source>选第 1–9 条</source>
        <translation>Pick reply 1–9</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/settings_dialog.py" line="104"/>
        <source>记承诺（高风险对话）</source>
        <translation>Record promise (high-risk chat)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/settings_dialog.py" line="114"/>
        <source>回复</source>
        <translation>Replies</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/settings_dialog.py" line="115"/>
        <source>外观</source>
        <translation>Appearance</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/settings_dialog.py" line="116"/>
        <source>热键</source>
        <translation>Hotkeys</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/settings_dialog.py" line="128"/>
        <source>我的短语</source>
        <translation>My phrases</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/settings_dialog.py" line="130"/>
        <source>团队</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/settings_dialog.py" line="132"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/settings_dialog.py" line="140"/>
        <source>此设置由管理员锁定</source>
        <translation>Locked by your administrator</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/settings_dialog.py" line="194"/>
        <source>已隐藏（%1）…</source>
        <translation>Hidden (%1)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/settings_dialog.py" line="195"/>
        <source>不再推荐的团队短语：查看、恢复推荐</source>
        <translation>Team phrases no longer suggested: view, suggest again</translation>
    </message>
</context>
<context>
    <name>StoreGuard</name>
    <message>
        <location filename="../../desktop/ui/shell/store_guard.py" line="108"/>
        <source>恢复备份失败：%1。请退出快答后运行 kuaida store restore。</source>
        <translation>Restoring the backup failed: %1. Quit Kuaida and run kuaida store restore.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/store_guard.py" line="116"/>
        <location filename="../../desktop/ui/shell/store_guard.py" line="130"/>
        <source>本地数据库无法打开</source>
        <translation>The local database cannot be opened</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/store_guard.py" line="117"/>
        <source>恢复后，备份之后的改动会丢失；损坏的文件会保留在旁边，供 IT 检查。</source>
        <translation>Changes made after the backup will be lost; the damaged file is kept beside it for IT.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/store_guard.py" line="118"/>
        <source>恢复备份</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/store_guard.py" line="119"/>
        <source>暂不恢复</source>
        <translation>Not now</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/store_guard.py" line="128"/>
        <source>请升级快答</source>
        <translation>Please upgrade Kuaida</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/store_guard.py" line="132"/>
        <source>快答会继续运行，但暂时不能使用短语库。</source>
        <translation>Kuaida keeps running, but without the phrase library for now.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/store_guard.py" line="133"/>
        <source>知道了</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>SuggestionPanel</name>
    <message>
        <location filename="../../desktop/ui/suggestions/panel.py" line="144"/>
        <source>搜索：文字、快捷编码或拼音首字母</source>
        <translation>Search text, code, pinyin initials</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/panel.py" line="145"/>
        <source>＋ 新建</source>
        <translation>＋ New</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/panel.py" line="146"/>
        <source>把剪贴板里的文字存为我的短语</source>
        <translation>Save the copied text as one of my phrases</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/panel.py" line="147"/>
        <source>我的</source>
        <translation>Mine</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/panel.py" line="148"/>
        <source>敏感词</source>
        <translation>Sensitive</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/panel.py" line="149"/>
        <source>猜测</source>
        <translation>Guess</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/panel.py" line="150"/>
        <source>已隐藏</source>
        <translation>Hidden</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/panel.py" line="161"/>
        <source>买家：</source>
        <translation>Buyer: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/panel.py" line="194"/>
        <source>编辑…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/panel.py" line="195"/>
        <source>推荐给团队…</source>
        <translation>Offer to the team…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/panel.py" line="196"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/panel.py" line="198"/>
        <location filename="../../desktop/ui/suggestions/panel.py" line="200"/>
        <source>复制为我的短语…</source>
        <translation>Copy to my phrases…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/panel.py" line="199"/>
        <source>恢复推荐</source>
        <translation>Suggest again</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestions/panel.py" line="201"/>
        <source>不再推荐此团队短语</source>
        <translation>Stop suggesting this team phrase</translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message>
        <location filename="../../desktop/ui/team/sync_controller.py" line="357"/>
        <source>立即同步团队短语库</source>
        <translation>Sync the team library now</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/sync_controller.py" line="363"/>
        <source>确认团队密钥…</source>
        <translation>Confirm the team key…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/sync_controller.py" line="385"/>
        <source>确认团队密钥</source>
        <translation>Confirm the team key</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/sync_controller.py" line="386"/>
        <source>请向主管核对团队密钥的指纹，一致时才点“是”：

{0}</source>
        <translation>Check the team key&apos;s fingerprint with your team lead; click Yes only if it matches:

{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/sync_controller.py" line="388"/>
        <source>团队库换了签名密钥。只有主管确实换了密钥时才确认。

原来信任的指纹：
{1}

新指纹（请向主管核对，一致时才点“是”）：
{0}</source>
        <translation>The team library is signed with a new key. Confirm only if your team lead really changed the key.

Fingerprint trusted so far:
{1}

New fingerprint (check it with your team lead; click Yes only if it matches):
{0}</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../desktop/ui/team/sync_controller.py" line="175"/>
        <source>已提交给主管审核</source>
        <translation>Sent to the team lead for review</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/sync_controller.py" line="176"/>
        <source>提交失败：共享文件夹不可用</source>
        <translation>Not sent: the shared folder is unavailable</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../desktop/sync/status.py" line="75"/>
        <source>使用本地副本 v%1</source>
        <translation>using local copy v%1</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/status.py" line="76"/>
        <source>使用内置短语库</source>
        <translation>using the built-in library</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/status.py" line="83"/>
        <source>团队库 v%1</source>
        <translation>Team library v%1</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/status.py" line="86"/>
        <source>%1 已同步</source>
        <translation>synced at %1</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/status.py" line="90"/>
        <source>团队库：使用内置短语库</source>
        <translation>Team library: using the built-in library</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/pull.py" line="83"/>
        <source>团队库清单中的公钥无效</source>
        <translation>The public key in the team library&apos;s manifest is invalid</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/pull.py" line="93"/>
        <source>“团队公钥”设置既不是公钥也不是指纹</source>
        <translation>The “team public key” setting is neither a public key nor a fingerprint</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/pull.py" line="102"/>
        <source>尚未确认团队密钥</source>
        <translation>The team key has not been confirmed yet</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/pull.py" line="138"/>
        <location filename="../../desktop/sync/status.py" line="93"/>
        <source>共享文件夹中还没有团队库</source>
        <translation>No team library in the shared folder yet</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/pull.py" line="162"/>
        <source>团队库文件比清单记录的大（文件被改动）</source>
        <translation>The team library file is larger than its manifest says (the file was changed)</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/pull.py" line="168"/>
        <source>团队库文件的版本与清单不符</source>
        <translation>The team library file&apos;s version does not match its manifest</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/status.py" line="96"/>
        <source>离线</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/status.py" line="99"/>
        <source>已拒绝更新</source>
        <translation>Update rejected</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/status.py" line="100"/>
        <source>已拒绝更新：%1</source>
        <translation>Update rejected: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/status.py" line="103"/>
        <source>请更新快答</source>
        <translation>Please update Kuaida</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/status.py" line="104"/>
        <source>请更新快答：团队库格式较新</source>
        <translation>Please update Kuaida: the team library format is newer</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/status.py" line="106"/>
        <source>请确认团队密钥指纹 %1</source>
        <translation>Please confirm the team key fingerprint %1</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/status.py" line="108"/>
        <source>尚未同步</source>
        <translation>Not synced yet</translation>
    </message>
</context>
<context>
    <name>SyncStatusButton</name>
    <message>
        <location filename="../../desktop/ui/team/sync_controller.py" line="418"/>
        <source>点击立即同步</source>
        <translation>Click to sync now</translation>
    </message>
</context>
<context>
    <name>TeamPage</name>
    <message>
        <location filename="../../desktop/ui/team/team_page.py" line="117"/>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/team_page.py" line="118"/>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/team_page.py" line="119"/>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/team_page.py" line="120"/>
        <location filename="../../desktop/ui/team/team_page.py" line="186"/>
        <source>此设置由管理员锁定</source>
        <translation>Locked by your administrator</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/team_page.py" line="121"/>
        <source>共享文件夹</source>
        <translation>Shared folder</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/team_page.py" line="122"/>
        <source>确认团队密钥…</source>
        <translation>Confirm the team key…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/team_page.py" line="123"/>
        <source>团队密钥</source>
        <translation>Team key</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/team_page.py" line="124"/>
        <source>团队短语库…</source>
        <translation>Team library…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/team_page.py" line="125"/>
        <source>查看团队短语库；有团队密钥的主管可以编辑、发布</source>
        <translation>View the team library; a lead holding the team key can edit and publish</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/team_page.py" line="153"/>
        <source>由管理员设置（团队公钥）</source>
        <translation>set by your administrator (team public key)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/team_page.py" line="153"/>
        <source>（尚未确认）</source>
        <translation>(not confirmed yet)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/team_page.py" line="154"/>
        <source>本机信任的指纹：%1</source>
        <translation>Fingerprint trusted on this PC: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/team_page.py" line="156"/>
        <source>新指纹（团队库换了密钥）：%1</source>
        <translation>New fingerprint (the team library changed keys): %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/team_page.py" line="157"/>
        <source>共享文件夹中团队库的指纹：%1</source>
        <translation>Fingerprint of the team library in the shared folder: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/team_page.py" line="175"/>
        <source>正在检查 %1 …</source>
        <translation>Checking %1 …</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/team_page.py" line="183"/>
        <location filename="../../desktop/ui/team/team_page.py" line="194"/>
        <source>没有改动：%1</source>
        <translation>Nothing changed: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/team_page.py" line="197"/>
        <source>选择团队共享文件夹</source>
        <translation>Choose the team&apos;s shared folder</translation>
    </message>
</context>
<context>
    <name>TeamSettingsTab</name>
    <message>
        <location filename="../../desktop/ui/team/editor/team_tab.py" line="56"/>
        <source>一行一个：敏感词&lt;Tab&gt;类别&lt;Tab&gt;替代说法，或 敏感词 → 替代说法</source>
        <translation>One per line: word&lt;Tab&gt;category&lt;Tab&gt;replacement, or word → replacement</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/team_tab.py" line="57"/>
        <source>一行一个：名称 | 2026-11-01 | 2026-11-11 | 要点；要点</source>
        <translation>One per line: name | 2026-11-01 | 2026-11-11 | point; point</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/team_tab.py" line="58"/>
        <source>应用到草稿</source>
        <translation>Apply to draft</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/team_tab.py" line="59"/>
        <source>团队敏感词</source>
        <translation>Team sensitive words</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/team_tab.py" line="59"/>
        <source>活动（填入 {活动}）</source>
        <translation>Campaigns (fill {活动})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/team_tab.py" line="59"/>
        <source>本周主推款短语</source>
        <translation>This week&apos;s featured phrase</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/team_tab.py" line="59"/>
        <source>主推商品</source>
        <translation>Featured product</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/team_tab.py" line="60"/>
        <source>开始日期</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/team_tab.py" line="60"/>
        <source>结束日期</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/team_tab.py" line="64"/>
        <location filename="../../desktop/ui/team/editor/team_tab.py" line="79"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/team_tab.py" line="66"/>
        <location filename="../../desktop/ui/team/editor/team_tab.py" line="104"/>
        <source>已应用到草稿，发布后生效</source>
        <translation>Applied to the draft; takes effect when published</translation>
    </message>
</context>
<context>
    <name>Time</name>
    <message>
        <location filename="../../desktop/core/reminders.py" line="249"/>
        <source>今天 %1</source>
        <translation>today %1</translation>
    </message>
    <message>
        <location filename="../../desktop/core/reminders.py" line="251"/>
        <source>明天 %1</source>
        <translation>tomorrow %1</translation>
    </message>
    <message>
        <location filename="../../desktop/core/reminders.py" line="253"/>
        <source>后天 %1</source>
        <translation>in 2 days %1</translation>
    </message>
    <message>
        <location filename="../../desktop/core/reminders.py" line="254"/>
        <source>%1月%2日 %3</source>
        <translation>%1/%2 %3</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <location filename="../../desktop/ui/shell/tray.py" line="73"/>
        <source>隐藏快答</source>
        <translation>Hide Kuaida</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/tray.py" line="73"/>
        <source>显示快答</source>
        <translation>Show Kuaida</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/tray.py" line="77"/>
        <source>暂停监听剪贴板</source>
        <translation>Pause clipboard watching</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/tray.py" line="78"/>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/tray.py" line="79"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/tray.py" line="89"/>
        <source>快答（已暂停）</source>
        <translation>Kuaida (paused)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/tray.py" line="89"/>
        <source>快答</source>
        <translation>Kuaida</translation>
    </message>
</context>
<context>
    <name>UsageTab</name>
    <message>
        <location filename="../../desktop/ui/team/editor/usage_tab.py" line="66"/>
        <source>次数</source>
        <translation>Times</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/usage_tab.py" line="67"/>
        <source>最常用</source>
        <translation>Most used</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/usage_tab.py" line="68"/>
        <source>最少用</source>
        <translation>Least used</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/usage_tab.py" line="69"/>
        <source>没有合适短语的意图</source>
        <translation>Intents with no fitting phrase</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/usage_tab.py" line="70"/>
        <source>未成交原因</source>
        <translation>Why buyers did not buy</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/usage_tab.py" line="70"/>
        <source>人数</source>
        <translation>Buyers</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/usage_tab.py" line="72"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/usage_tab.py" line="96"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/usage_tab.py" line="101"/>
        <source>{0} 位客服的统计（客服各自写入，未经验证；只有次数，不含买家信息）</source>
        <translation>Statistics of {0} agents (each agent writes their own, unverified; counts only, no buyer data)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/usage_tab.py" line="103"/>
        <source>；{0} 个统计文件不可信或超出上限，未计入</source>
        <translation>; {0} statistics files untrusted or over the limit, not counted</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/usage_tab.py" line="118"/>
        <source>未知</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/usage_tab.py" line="119"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/editor/usage_tab.py" line="125"/>
        <source>各客服自报的版本（未经验证）：快答 {0}；团队短语库 {1}</source>
        <translation>Versions the agents report (unverified): Kuaida {0}; team library {1}</translation>
    </message>
</context>
<context>
    <name>confirm</name>
    <message>
        <location filename="../../desktop/ui/widgets/confirm.py" line="21"/>
        <location filename="../../desktop/ui/widgets/confirm.py" line="41"/>
        <source>回复含敏感词</source>
        <translation>Reply contains sensitive words</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/confirm.py" line="22"/>
        <location filename="../../desktop/ui/widgets/confirm.py" line="42"/>
        <source>这条回复包含平台可能处罚的词：%1</source>
        <translation>This reply contains words the platform may penalise: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/confirm.py" line="23"/>
        <source>极限用语、引导站外交易或好评返现都可能被平台处罚。确定要粘贴吗？</source>
        <translation>Absolute claims, moving buyers off the platform or paying for reviews can be penalised. Paste anyway?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/confirm.py" line="25"/>
        <source>仍然粘贴</source>
        <translation>Paste anyway</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/confirm.py" line="26"/>
        <location filename="../../desktop/ui/widgets/confirm.py" line="50"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/confirm.py" line="43"/>
        <source>修正后：%1

按 F 粘贴修正后的文本。</source>
        <translation>Fixed: %1

Press F to paste the fixed text.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/confirm.py" line="46"/>
        <source>粘贴修正后的文本 (F)</source>
        <translation>Paste the fixed text (F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/confirm.py" line="49"/>
        <source>仍然粘贴原文</source>
        <translation>Paste the original anyway</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/confirm.py" line="64"/>
        <source>删除短语</source>
        <translation>Delete phrase</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/confirm.py" line="65"/>
        <source>删除这条我的短语？此操作不能撤销。</source>
        <translation>Delete this phrase of yours? This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/confirm.py" line="73"/>
        <source>推荐给团队</source>
        <translation>Offer to the team</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/confirm.py" line="74"/>
        <source>这条短语会交给主管审核，通过后全组都能用。
给主管的说明（可不填）：</source>
        <translation>Your team lead reviews this phrase; once accepted the whole team can use it.
A note for the lead (optional):</translation>
    </message>
</context>
</TS>
