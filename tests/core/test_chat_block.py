"""Reading a block copied from the chat client: only the buyer's last burst, merged into one question."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from desktop.core.chat_block import MAX_QUESTION_CHARS, CopiedMessage, read_copied

BUYER = "小猪佩奇2019"
SELLER = "好物小店:客服小美"


LAYOUTS = {
    "qianniu": lambda nick, stamp: [f"{nick} {stamp:%Y-%m-%d %H:%M:%S}"],
    "no space": lambda nick, stamp: [f"{nick}{stamp:%Y-%m-%d %H:%M:%S}"],
    "two lines": lambda nick, stamp: [nick, f"{stamp:%Y-%m-%d %H:%M:%S}"],
    "time first": lambda nick, stamp: [f"{stamp:%Y-%m-%d %H:%M:%S} {nick}"],
    "bracketed": lambda nick, stamp: [f"[{nick}] {stamp:%H:%M}"],
}


def qianniu(*messages: tuple[str, str], layout: str = "qianniu") -> str:
    """A copy as Qianniu writes it: a header (nick and time) above each message, CRLF line ends."""
    start = dt.datetime(2024, 5, 1, 10, 21, 33)
    lines = []
    for n, (nick, text) in enumerate(messages):
        lines += [*LAYOUTS[layout](nick, start + dt.timedelta(seconds=17 * n)), text]
    return "\r\n".join(lines)


# examples ------------------------------------------------------------------------------------------
def test_a_plain_one_line_copy_passes_through_unchanged() -> None:
    assert read_copied("亲，什么时候发货？") == CopiedMessage("亲，什么时候发货？")
    assert read_copied("  有XL码吗  ").question == "  有XL码吗  "


def test_a_burst_of_short_lines_becomes_one_question() -> None:
    copied = qianniu((BUYER, "在吗"), (BUYER, "还有货吗"), (BUYER, "能少点不"))
    assert read_copied(copied) == CopiedMessage("在吗，还有货吗，能少点不", BUYER, True)


def test_only_what_the_buyer_wrote_after_the_seller_last_spoke_is_answered() -> None:
    copied = qianniu((BUYER, "什么时候发货"), (SELLER, "亲，48小时内发货哦"), (BUYER, "能发顺丰吗？"),
                     (BUYER, "急用"))
    assert read_copied(copied) == CopiedMessage("能发顺丰吗？急用", BUYER, True)


def test_when_the_seller_spoke_last_the_buyers_last_burst_is_answered() -> None:
    copied = qianniu((BUYER, "什么时候发货"), (SELLER, "亲，48小时内发货哦"))
    assert read_copied(copied).question == "什么时候发货"


def test_the_seller_is_recognised_by_the_agent_or_shop_name_in_settings() -> None:
    copied = qianniu((BUYER, "有白色吗"), ("小美", "有的亲"))
    assert read_copied(copied, seller_names=["小美"]).question == "有白色吗"
    assert read_copied(copied, seller_names=["", "  "]).buyer == "小美"  # unknown: the last writer


def test_shop_accounts_on_jd_pdd_douyin_are_recognised_by_their_shop_words() -> None:
    copied = "2024-05-01 10:21:33 jd_4a7c\r\n发票怎么开\r\n2024-05-01 10:22:01 某某官方旗舰店\r\n亲您好"
    assert read_copied(copied) == CopiedMessage("发票怎么开", "jd_4a7c", True)


def test_other_header_layouts() -> None:
    bracketed = "[tb_123] 10:21\n在吗\n[客服小美] 10:22\n在的亲\n[tb_123] 10:23\n包邮吗"
    assert read_copied(bracketed) == CopiedMessage("包邮吗", "tb_123", True)
    no_space = "小猪佩奇2024-5-1 10:21:33\n有优惠吗"
    assert read_copied(no_space).question == "有优惠吗"
    two_lines = "小猪佩奇\n2024-05-01 10:21:33\n有优惠吗\n好物小店:小美\n2024-05-01 10:22:01\n亲，领券下单"
    assert read_copied(two_lines) == CopiedMessage("有优惠吗", "小猪佩奇", True)
    parenthesised = "小猪佩奇(2024-05-01 10:21:33):\n多久到"
    assert read_copied(parenthesised).question == "多久到"


def test_a_time_divider_between_one_line_headers_is_not_a_header() -> None:
    copied = "\n".join([
        "小猪佩奇 2024-05-01 10:21:33", "有货吗", "2024-05-01 10:30:00",
        "小猪佩奇 2024-05-01 10:30:00", "能少点不",
    ])
    assert read_copied(copied).question == "有货吗，能少点不"


def test_read_marks_recalls_and_transfers_are_not_the_buyer_speaking() -> None:
    copied = "\n".join([
        "小猪佩奇 2024-05-01 10:21:33", "这个能便宜点吗", "已读",
        "小猪佩奇 撤回了一条消息",
        "服务助手 --> 好物小店:小美 2024-05-01 10:21:50", "当前用户来自 商品详情页",
        "小猪佩奇 2024-05-01 10:22:33", "包邮吗", "未读",
    ])
    assert read_copied(copied).question == "这个能便宜点吗，包邮吗"


def test_multi_line_text_without_headers_is_one_message() -> None:
    assert read_copied("在吗\n还有货吗") == CopiedMessage("在吗\n还有货吗")
    label = "下单时间：2024-05-01 10:21:33\n怎么还没发"  # a label with a time is not a header
    assert read_copied(label) == CopiedMessage(label)


def test_a_block_with_only_the_sellers_lines_has_no_question() -> None:
    copied = qianniu((SELLER, "亲，在的"), (SELLER, "请问有什么可以帮您"))
    assert read_copied(copied) == CopiedMessage("", "", True)


def test_a_long_burst_keeps_its_newest_lines() -> None:
    copied = qianniu(*[(BUYER, f"第{'一二三四五六七八九十'[n]}句" + "啊" * 60) for n in range(10)])
    question = read_copied(copied).question
    assert len(question) <= MAX_QUESTION_CHARS
    assert question.endswith("第十句" + "啊" * 60)


# properties ----------------------------------------------------------------------------------------
# Message text as buyers write it, without digits or colons (so no line looks like a header).
_CHARS = "在吗还有货能少点不发顺丰包邮多久到退换尺码颜色质量好的亲谢谢，。？！ abcXL"
_line = st.text(alphabet=_CHARS, min_size=1, max_size=30).map(str.strip).filter(bool)


@given(st.text(alphabet=st.characters(exclude_characters="\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")))
def test_any_single_line_passes_through_unchanged(text: str) -> None:
    assert read_copied(text, seller_names=["小美"]) == CopiedMessage(text)


@given(st.lists(_line, min_size=1, max_size=8))
def test_lines_without_headers_pass_through_unchanged(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert read_copied(text) == CopiedMessage(text)


@given(st.lists(st.tuples(st.booleans(), _line), min_size=1, max_size=12), st.sampled_from(sorted(LAYOUTS)))
def test_the_question_is_the_buyers_last_burst_and_never_a_seller_line(chat: list[tuple[bool, str]],
                                                                       layout: str) -> None:
    copied = qianniu(*[(BUYER if by_buyer else SELLER, "卖" + text if not by_buyer else text)
                       for by_buyer, text in chat], layout=layout)
    read = read_copied(copied)
    assert read.from_block
    if not any(by_buyer for by_buyer, _ in chat):
        assert read.question == ""
        return
    assert read.buyer == BUYER
    last_buyer = max(i for i, (by_buyer, _) in enumerate(chat) if by_buyer)
    assert read.question.endswith(chat[last_buyer][1])
    assert "卖" not in read.question
    assert len(read.question) <= MAX_QUESTION_CHARS


_chat_like = st.lists(
    st.one_of(_line, st.sampled_from(["小猪佩奇 2024-05-01 10:21:33", "好物小店:小美 10:22:01", "2024-05-01 10:30:00",
                                      "[tb_1] 10:21", "已读", "小猪佩奇 撤回了一条消息", "", "   "])),
    max_size=15,
).map("\n".join)


@given(st.one_of(st.text(), _chat_like))
def test_any_text_is_read_without_error_and_what_is_answered_comes_from_it(text: str) -> None:
    read = read_copied(text, seller_names=["小美"])
    if not read.from_block:
        assert read.question == text
        return
    assert set(read.question) - {"，"} <= set(text)  # lines of the text, joined by ，
    assert read.buyer in text


def test_a_label_or_a_greeting_before_a_colon_is_not_a_buyers_nick() -> None:
    from desktop.core.chat_block import split_speaker

    assert split_speaker("小猪佩奇2019：太贵了") == ("小猪佩奇2019", "太贵了")
    # the label stays with its value, so redaction still sees 收货人 before the name
    assert split_speaker("收货人：张三 电话：13812345678") == ("", "收货人：张三 电话：13812345678")
    for said in ("老板：能便宜点吗", "请问：什么时候发货", "地址：浙江省杭州市西湖区文三路100号", "亲：在吗"):
        assert split_speaker(said) == ("", said)
