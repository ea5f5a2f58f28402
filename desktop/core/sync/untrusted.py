"""Text read from a file any agent can write on the share, made safe to show in a terminal or a window."""

from __future__ import annotations

import re

# C0/C1 controls (a terminal takes ESC and CSI as commands: clear the screen, retitle the window, fake
# output), and the bidirectional overrides and isolates that make text read differently from what it is.
# Line breaks and tabs stay: a buyer's message or an answer may have several lines.
_HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def shown(text: str) -> str:
    return _HIDDEN.sub("", text)
