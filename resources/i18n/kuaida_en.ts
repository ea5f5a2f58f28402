<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>EmptyState</name>
    <message>
        <location filename="../../desktop/ui/empty_state.py" line="69" />
        <source>搜索短语（%1）</source>
        <translation>Search phrases (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/empty_state.py" line="70" />
        <source>新建短语…</source>
        <translation>New phrase…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/empty_state.py" line="72" />
        <source>正在加载短语库…</source>
        <translation>Loading the phrase library…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/empty_state.py" line="73" />
        <source>马上就好，复制的消息不会丢失。</source>
        <translation>Almost ready; the copied message will not be lost.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/empty_state.py" line="75" />
        <source>复制买家的消息</source>
        <translation>Copy a buyer's message</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/empty_state.py" line="77" />
        <source>在聊天窗口选中买家的消息按 Ctrl+C，这里就会给出回复建议；按 %1 直接粘贴第 1 条。</source>
        <translation>Select the buyer's message in the chat window and press Ctrl+C: replies appear here. Press %1 to paste the first one.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/empty_state.py" line="81" />
        <source>没有合适的短语</source>
        <translation>No phrase fits</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/empty_state.py" line="82" />
        <source>可以搜索短语库；这类问题常遇到的话，把你的回复存为新短语，下次就会推荐。</source>
        <translation>Search the library; if this question comes up often, save your reply as a new phrase and it will be suggested next time.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/empty_state.py" line="84" />
        <source>没有找到“%1”</source>
        <translation>Nothing found for “%1”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/empty_state.py" line="85" />
        <source>试试别的字、快捷编码或拼音首字母（如 fh 找“发货”）。</source>
        <translation>Try other words, a shortcut code or pinyin initials (e.g. fh for 发货).</translation>
    </message>
</context>
<context>
    <name>NudgeScheduler</name>
    <message>
        <location filename="../../desktop/ui/nudge_scheduler.py" line="79" />
        <location filename="../../desktop/ui/nudge_scheduler.py" line="91" />
        <source>该催付了</source>
        <translation>Payment reminder due</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/nudge_scheduler.py" line="80" />
        <source>%1 位买家该催付了</source>
        <translation>%1 buyers to remind</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/nudge_scheduler.py" line="89" />
        <source>%1%2，%3 自动关闭</source>
        <translation>%1%2, closes %3</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <location filename="../../desktop/ui/order_dialog.py" line="29" />
        <source>手动添加待付款订单</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/order_dialog.py" line="33" />
        <source>例如 128.00</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/order_dialog.py" line="45" />
        <source>订单编号</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/order_dialog.py" line="46" />
        <source>买家会员名</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/order_dialog.py" line="47" />
        <source>金额</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/order_dialog.py" line="48" />
        <source>宝贝标题</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/order_dialog.py" line="49" />
        <source>下单时间</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/order_dialog.py" line="63" />
        <source>请填写买家会员名</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>OverlayController</name>
    <message>
        <location filename="../../desktop/ui/overlay_controller.py" line="124" />
        <source>短语库打开失败：%1</source>
        <translation>Cannot open the phrase library: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/overlay_controller.py" line="223" />
        <source>已复制，在聊天窗口按 Ctrl+V 粘贴</source>
        <translation>Copied: press Ctrl+V in the chat window</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/overlay_controller.py" line="225" />
        <source>已粘贴，检查后按 Enter 发送</source>
        <translation>Pasted: check it, then press Enter to send</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/overlay_controller.py" line="295" />
        <source>已暂停监听剪贴板</source>
        <translation>Clipboard watching paused</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/overlay_controller.py" line="299" />
        <source>部分热键不可用，见设置</source>
        <translation>Some hotkeys are unavailable; see Settings</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/overlay_controller.py" line="302" />
        <source>%1+1…9 粘贴 · %2 搜索</source>
        <translation>%1+1…9 paste · %2 search</translation>
    </message>
</context>
<context>
    <name>OverlayWindow</name>
    <message>
        <location filename="../../desktop/ui/overlay_window.py" line="173" />
        <source>建议</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/overlay_window.py" line="174" />
        <source>＋ 新建</source>
        <translation>＋ New</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/overlay_window.py" line="175" />
        <source>把剪贴板里的文字存为我的短语</source>
        <translation>Save the copied text as one of my phrases</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/overlay_window.py" line="177" />
        <source>继续</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/overlay_window.py" line="177" />
        <source>暂停</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/overlay_window.py" line="178" />
        <source>已暂停监听剪贴板</source>
        <translation>Clipboard watching paused</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/overlay_window.py" line="178" />
        <source>暂停监听剪贴板</source>
        <translation>Pause clipboard watching</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/overlay_window.py" line="179" />
        <source>设置</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>PhraseDialog</name>
    <message>
        <location filename="../../desktop/ui/phrase_dialog.py" line="34" />
        <source>编辑我的短语</source>
        <translation>Edit my phrase</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/phrase_dialog.py" line="34" />
        <source>新建我的短语</source>
        <translation>New phrase</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/phrase_dialog.py" line="38" />
        <source>回复内容，可用 {买家}、{客服}、{店铺} 等变量</source>
        <translation>Reply text; variables such as {买家}, {客服}, {店铺} are filled in</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/phrase_dialog.py" line="45" />
        <source>如 fh1，在搜索框输入即可找到</source>
        <translation>e.g. fh1; type it in the search box to find the phrase</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/phrase_dialog.py" line="59" />
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/phrase_dialog.py" line="60" />
        <source>分组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/phrase_dialog.py" line="61" />
        <source>快捷编码</source>
        <translation>Shortcut code</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/phrase_dialog.py" line="62" />
        <source>适用问题（最多 %1 个）</source>
        <translation>Buyer questions (at most %1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/phrase_dialog.py" line="65" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/phrase_dialog.py" line="66" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ReminderListModel</name>
    <message>
        <location filename="../../desktop/ui/reminder_model.py" line="96" />
        <source>还剩 %1 小时</source>
        <translation>%1 h left</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminder_model.py" line="96" />
        <source>即将关闭</source>
        <translation>Closing soon</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminder_model.py" line="97" />
        <source>该催了 · </source>
        <translation>Due · </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminder_model.py" line="100" />
        <source>（%1 次）</source>
        <translation> (%1×)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminder_model.py" line="107" />
        <source>订单 %1</source>
        <translation>Order %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminder_model.py" line="108" />
        <source>下单 %1</source>
        <translation>Ordered %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminder_model.py" line="109" />
        <source>自动关闭 %1</source>
        <translation>Closes %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminder_model.py" line="111" />
        <source>建议催付 %1</source>
        <translation>Remind at %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminder_model.py" line="113" />
        <source>上次催付 %1</source>
        <translation>Last reminded %1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="35" />
        <source>快答设置</source>
        <translation>Kuaida settings</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="40" />
        <source>客服昵称 {客服}</source>
        <translation>Agent name {客服}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="41" />
        <source>店铺名称 {店铺}</source>
        <translation>Shop name {店铺}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="42" />
        <source>选择回复后</source>
        <translation>After choosing a reply</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="43" />
        <source>复制并粘贴到聊天窗口</source>
        <translation>Copy and paste into the chat window</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="43" />
        <source>只复制</source>
        <translation>Copy only</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="44" />
        <source>粘贴后恢复原来的剪贴板</source>
        <translation>Restore the previous clipboard after pasting</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="45" />
        <source>监听剪贴板并给出建议</source>
        <translation>Watch the clipboard and suggest replies</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="48" />
        <source>主题</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="49" />
        <source>跟随系统</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="49" />
        <source>浅色</source>
        <translation>Light</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="49" />
        <source>深色</source>
        <translation>Dark</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="50" />
        <source>字号</source>
        <translation>Font size</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="51" />
        <source>窗口位置</source>
        <translation>Window position</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="52" />
        <source>自由摆放</source>
        <translation>Free</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="52" />
        <source>停靠屏幕左侧</source>
        <translation>Dock to the left edge</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="52" />
        <source>停靠屏幕右侧</source>
        <translation>Dock to the right edge</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="53" />
        <source>语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="56" />
        <source>显示/隐藏</source>
        <translation>Show/hide</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="57" />
        <source>搜索短语</source>
        <translation>Search phrases</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="58" />
        <source>选第 1–9 条</source>
        <translation>Pick reply 1–9</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="67" />
        <source>回复</source>
        <translation>Replies</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="67" />
        <source>外观</source>
        <translation>Appearance</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="67" />
        <source>热键</source>
        <translation>Hotkeys</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="72" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="78" />
        <source>此设置由管理员锁定</source>
        <translation>Locked by your administrator</translation>
    </message>
</context>
<context>
    <name>SuggestionPanel</name>
    <message>
        <location filename="../../desktop/ui/suggestion_panel.py" line="109" />
        <source>搜索：文字、快捷编码或拼音首字母</source>
        <translation>Search: text, shortcut code or pinyin initials</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestion_panel.py" line="110" />
        <source>我的</source>
        <translation>Mine</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestion_panel.py" line="111" />
        <source>敏感词</source>
        <translation>Sensitive</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestion_panel.py" line="123" />
        <source>买家：</source>
        <translation>Buyer: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestion_panel.py" line="146" />
        <source>编辑…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestion_panel.py" line="146" />
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestion_panel.py" line="148" />
        <source>复制为我的短语…</source>
        <translation>Copy to my phrases…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/suggestion_panel.py" line="149" />
        <source>不再推荐此团队短语</source>
        <translation>Stop suggesting this team phrase</translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message>
        <location filename="../../desktop/ui/sync_controller.py" line="204" />
        <source>立即同步团队短语库</source>
        <translation>Sync the team library now</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_controller.py" line="214" />
        <source>确认团队密钥…</source>
        <translation>Confirm the team key…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_controller.py" line="228" />
        <source>确认团队密钥</source>
        <translation>Confirm the team key</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_controller.py" line="229" />
        <source>请向主管核对团队密钥的指纹，一致时才点“是”：

{0}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SyncStatusButton</name>
    <message>
        <location filename="../../desktop/ui/sync_controller.py" line="248" />
        <source>点击立即同步</source>
        <translation>Click to sync now</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <location filename="../../desktop/ui/tray.py" line="59" />
        <source>隐藏快答</source>
        <translation>Hide Kuaida</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tray.py" line="59" />
        <source>显示快答</source>
        <translation>Show Kuaida</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tray.py" line="63" />
        <source>暂停监听剪贴板</source>
        <translation>Pause clipboard watching</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tray.py" line="64" />
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tray.py" line="65" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tray.py" line="79" />
        <source>快答（已暂停）</source>
        <translation>Kuaida (paused)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tray.py" line="79" />
        <source>快答</source>
        <translation>Kuaida</translation>
    </message>
</context>
<context>
    <name>confirm</name>
    <message>
        <location filename="../../desktop/ui/confirm.py" line="18" />
        <source>回复含敏感词</source>
        <translation>Reply contains sensitive words</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/confirm.py" line="19" />
        <source>这条回复包含平台可能处罚的词：%1</source>
        <translation>This reply contains words the platform may penalise: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/confirm.py" line="21" />
        <source>极限用语、引导站外交易或好评返现都可能被平台处罚。确定要粘贴吗？</source>
        <translation>Absolute claims, moving buyers off the platform or paying for reviews can be penalised. Paste anyway?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/confirm.py" line="23" />
        <source>仍然粘贴</source>
        <translation>Paste anyway</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/confirm.py" line="24" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/confirm.py" line="32" />
        <source>删除短语</source>
        <translation>Delete phrase</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/confirm.py" line="33" />
        <source>删除这条我的短语？此操作不能撤销。</source>
        <translation>Delete this phrase of yours? This cannot be undone.</translation>
    </message>
</context>
</TS>