"""X11: does the clipboard's owner answer? Asked on a worker thread with a short timeout.

On X11 the clipboard is a conversation with the program that owns it. Qt reads on the GUI thread and waits
up to 5 s (a fixed value in Qt's xcb plugin) for an owner that never answers, freezing the window at every
copy. Before Qt reads, this probe asks the owner for its list of formats (TARGETS) on its own X connection
and thread, and reports whether an answer came within `timeout_s`. It reads no clipboard content.
"""

from __future__ import annotations

import logging
import select
import threading
import time
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

PROBE_TIMEOUT_S = 0.3  # an owner that answers at all answers in a few ms


class X11OwnerProbe:
    """One probe at a time (the watcher waits for each answer). The X connection is kept between probes:
    opening one costs tens of milliseconds in python-xlib; after a timeout it is dropped, so a late answer
    cannot be taken for the next probe's."""

    def __init__(self, display_name: str | None = None, timeout_s: float = PROBE_TIMEOUT_S) -> None:
        self._display_name = display_name
        self._timeout_s = timeout_s
        self._lock = threading.Lock()
        self._connection: Any = None
        self._window: Any = None

    def start(self, done: Callable[[bool], None]) -> None:
        """Ask on a short-lived daemon thread (it ends by itself within the timeout)."""
        threading.Thread(target=lambda: done(self.owner_answers()), name="kuaida-clipboard-probe",
                         daemon=True).start()

    def close(self) -> None:
        with self._lock:
            self._drop()

    def owner_answers(self) -> bool:
        """True when nobody owns the clipboard or its owner answered in time; False when it did not. A probe
        that cannot run at all (no display) says True: then Qt's own read decides, as before."""
        try:
            from Xlib import X, display
        except ImportError:
            return True
        with self._lock:
            try:
                if self._connection is None:
                    self._connection = display.Display(self._display_name)
                    self._window = self._connection.screen().root.create_window(0, 0, 1, 1, 0, X.CopyFromParent)
                answered = self._ask(self._connection, X)
            except Exception as error:  # no display, refused, or the connection broke
                log.info("clipboard probe unavailable: %s", type(error).__name__)
                self._drop()
                return True
            if not answered:
                self._drop()
            return answered

    def _drop(self) -> None:
        connection, self._connection, self._window = self._connection, None, None
        if connection is not None:
            try:
                connection.close()
            except Exception as error:  # already broken: nothing left to release
                log.debug("closing the probe's X connection: %s", type(error).__name__)

    def _ask(self, connection: Any, x: Any) -> bool:
        while connection.pending_events():  # nothing from an earlier probe may count as this one's answer
            connection.next_event()
        clipboard = connection.intern_atom("CLIPBOARD")
        if connection.get_selection_owner(clipboard) == x.NONE:
            return True
        self._window.convert_selection(clipboard, connection.intern_atom("TARGETS"),
                                       connection.intern_atom("KUAIDA_OWNER_PROBE"), x.CurrentTime)
        connection.flush()
        deadline = time.monotonic() + self._timeout_s
        while True:
            while connection.pending_events():
                if connection.next_event().type == x.SelectionNotify:
                    return True
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            select.select([connection.fileno()], [], [], remaining)
