"""客服建议: proposals accepted into the draft or rejected; an accepted one appears once for its agent."""

from __future__ import annotations

from desktop.core.phrases import Phrase
from desktop.store.database import open_memory_store
from desktop.store.team import TeamRepository
from desktop.sync.inbox import list_proposals, propose
from desktop.sync.pull import sync_once


def test_proposals_are_accepted_into_the_draft_or_rejected_and_leave_the_inbox(editor, share):
    propose(share, Phrase(id="p-1", text="亲，今天下单送运费险哦", group="促单"), "aaaaaaaaaaaaaaaa", "小美", "转化好")
    propose(share, Phrase(id="p-2", text="随便写的"), "bbbbbbbbbbbbbbbb", "小王")
    editor.proposals.load()
    assert editor.proposals.proposal_list.count() == 2
    assert editor.tabs.tabText(2) == "客服建议 (2)"
    assert editor.proposals.proposal_list.item(0).text() == "小美：亲，今天下单送运费险哦（转化好）"
    assert editor.proposals.accept(0) is not None
    accepted = editor.draft.phrases[-1]
    assert accepted is not None and editor.draft.phrases[-1].text == "亲，今天下单送运费险哦"
    assert editor.draft.phrases[-1].group == "促单" and editor.phrases.current_phrase_id() == accepted.id
    editor.proposals.reject(0)
    assert list_proposals(share) == ([], 0)
    assert editor.tabs.tabText(2) == "客服建议 (0)"


def test_an_accepted_proposal_takes_the_place_of_the_agents_own_phrase(editor, share, lead_key):
    from desktop.services.team import agent_for_proposal

    agent_store = open_memory_store()
    agent = TeamRepository(agent_store.db)
    sync_once(share, agent, trust=lead_key.public.fingerprint)
    mine = Phrase(id="p-mine", text="亲，今天下单送运费险哦", group="促单", source="personal")
    agent.phrases.save(mine)
    agent.phrases.record_use(mine.id)
    propose(share, mine, agent_for_proposal(agent, mine), "小美")

    editor.set_signing_key(lead_key)
    editor.proposals.load()
    editor.proposals.accept(0)
    editor.phrases.form.text_edit.setPlainText("亲，今天下单就送运费险哦～")  # the lead polishes it
    assert editor.publishing.publish() is True
    sync_once(share, agent, trust=lead_key.public.fingerprint)
    offered = [p for p in agent.phrases.all() if "运费险" in p.text]
    assert [(p.id, p.source, p.text) for p in offered] == [("p-mine", "team", "亲，今天下单就送运费险哦～")]
    assert agent.phrases.uses_by_day()[0][0] == "p-mine"  # its uses (and learned picks) carry over

    editor.phrases.select_phrase("p-mine")
    editor.phrases.remove_current_phrase()  # the team drops it again: the agent's own wording comes back
    assert editor.publishing.publish() is True
    sync_once(share, agent, trust=lead_key.public.fingerprint)
    assert [(p.source, p.text) for p in agent.phrases.all() if "运费险" in p.text] == [("personal", mine.text)]
    agent_store.close()


def test_a_proposal_from_someone_else_never_replaces_an_agents_phrase(editor, share, lead_key):
    agent_store = open_memory_store()
    agent = TeamRepository(agent_store.db)
    mine = Phrase(id="p-same", text="我自己的", source="personal")
    agent.phrases.save(mine)  # never proposed from this PC
    propose(share, Phrase(id="p-same", text="别人写的"), "bbbbbbbbbbbbbbbb", "小王")
    editor.set_signing_key(lead_key)
    editor.proposals.load()
    editor.proposals.accept(0)
    assert editor.publishing.publish() is True
    sync_once(share, agent, trust=lead_key.public.fingerprint)
    assert agent.phrases.get("p-same") == mine
    agent_store.close()
