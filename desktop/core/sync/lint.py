"""The lead's pre-publish lint: every team phrase checked against the sensitive words (bundled plus the team's).

A phrase that trips a word is not published unless the lead fixes it (the words' replacements give the fixed
text) or overrides it with a note; the notes travel in the pack's header (`PublishNote`), so the publish
record says who let what through and why.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from desktop.core.sensitive import Fix, SensitiveWords
from desktop.core.sync.pack import PublishNote, TeamLibrary


@dataclass(frozen=True)
class LintFinding:
    phrase_id: str
    text: str
    fix: Fix  # fix.text is the phrase with the replacements the list gives; fix.unfixed those it does not

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(hit.word for hit in (*self.fix.fixed, *self.fix.unfixed)))


def lint(library: TeamLibrary, words: SensitiveWords | None = None) -> list[LintFinding]:
    words = words or SensitiveWords.with_team(library.sensitive_words)
    findings = []
    for phrase in library.phrases:
        fix = words.fix(phrase.text)
        if fix.fixed or fix.unfixed:
            findings.append(LintFinding(phrase.id, phrase.text, fix))
    return findings


def unresolved(findings: Iterable[LintFinding], notes: Mapping[str, str]) -> list[LintFinding]:
    """The findings no note overrides: these stop a publish."""
    return [f for f in findings if not notes.get(f.phrase_id, "").strip()]


def with_notes(library: TeamLibrary, findings: Iterable[LintFinding], notes: Mapping[str, str]) -> TeamLibrary:
    """`library` carrying a `PublishNote` for each overridden finding (the pack's header keeps them)."""
    kept = tuple(PublishNote(f.phrase_id, f.words, notes[f.phrase_id].strip())
                 for f in findings if notes.get(f.phrase_id, "").strip())
    return dataclasses.replace(library, publish_notes=kept)


def fixed(library: TeamLibrary, findings: Iterable[LintFinding]) -> TeamLibrary:
    """`library` with every finding's replacements applied (words without a replacement stay)."""
    texts = {f.phrase_id: f.fix.text for f in findings if f.fix.fixed}
    phrases = tuple(dataclasses.replace(p, text=texts[p.id]) if p.id in texts else p for p in library.phrases)
    return dataclasses.replace(library, phrases=phrases)


class PublishLintError(ValueError):
    """Phrases trip sensitive words and no note overrides them: fix them (`fixed`) or add notes."""

    def __init__(self, findings: list[LintFinding]) -> None:
        super().__init__(f"{len(findings)} 条短语含敏感词，未发布。请先修正，或为每条写明仍要发布的理由：\n"
                         + "\n".join(describe(findings[:20])))
        self.findings = findings


def checked(library: TeamLibrary, notes: Mapping[str, str], words: SensitiveWords | None = None) -> TeamLibrary:
    """The library to publish: carrying the notes of the findings they override; raises `PublishLintError`
    naming the findings no note overrides. Every way to publish (the editor, `kuaida publish`) calls this."""
    findings = lint(library, words)
    blocked = unresolved(findings, notes)
    if blocked:
        raise PublishLintError(blocked)
    return with_notes(library, findings, notes)


def describe(findings: Iterable[LintFinding]) -> list[str]:
    """One line per finding for the CLI and the refusal message."""
    lines = []
    for f in findings:
        line = f"{f.phrase_id}：{'、'.join(f.words)}"
        if f.fix.fixed:
            line += f" → 修正为「{f.fix.text}」"
        if f.fix.unfixed:
            line += "（" + "、".join(dict.fromkeys(h.word for h in f.fix.unfixed)) + " 没有替代说法）"
        lines.append(line)
    return lines
