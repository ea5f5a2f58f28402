"""Lines of text from standard input, whatever encoding the caller piped.

Windows decodes stdin with the ANSI code page (GBK on Chinese Windows), so UTF-8 from a file or a script
arrived as mojibake with surrogate escapes and crashed the converters; cmd.exe's own pipes are GBK. Each line
is taken as UTF-8 (a BOM dropped) when it is valid UTF-8, else in the console's encoding. GBK text that is
also valid UTF-8 is vanishingly rare for Chinese.
"""

from __future__ import annotations

import locale
import sys
from collections.abc import Iterator
from typing import TextIO


def stdin_lines(stream: TextIO | None = None) -> Iterator[str]:
    """Each line without its line ending, read as it arrives (a pipe can feed one message at a time)."""
    stream = stream or sys.stdin
    raw = getattr(stream, "buffer", None)
    if raw is None:  # already text (a StringIO in tests, an embedding host)
        for line in stream:
            yield line.rstrip("\r\n")
        return
    fallback = stream.encoding or locale.getpreferredencoding(False)
    for number, data in enumerate(raw):
        if number == 0 and data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode(fallback, errors="replace")
        yield text.rstrip("\r\n")
