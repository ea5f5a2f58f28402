"""One window per data folder. The first Kuaida holds the folder's `InstanceLock` (desktop/store/instance_lock.py,
the same lock `kuaida store restore` takes) and listens on a local socket named after the folder; a second
Kuaida started on the same folder finds the lock held, asks the first to come to the front and quits, so
there is never a second tray icon, a second clipboard watcher or two windows saving one settings file."""

from __future__ import annotations

import hashlib
import logging
import time
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

# The first Kuaida starts listening just after its first paint; a second one started in that moment retries.
CONNECT_ATTEMPTS = 50
CONNECT_RETRY_SECONDS = 0.1
CONNECT_TIMEOUT_MS = 1000
SHOW_MESSAGE = b"show\n"


def server_name(home: Path) -> str:
    """The local socket's name: one per data folder (a pipe name on Windows, a socket file on POSIX)."""
    digest = hashlib.sha256(str(home.resolve()).encode("utf-8")).hexdigest()[:20]
    return f"kuaida-{digest}"


class ActivationServer(QObject):
    """Held by the first Kuaida: `show_requested` whenever a second one is started on the same data folder."""

    show_requested = Signal()

    def __init__(self, home: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = server_name(home)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)  # not other users' sessions
        self._server.newConnection.connect(self._on_new_connection)

    def start(self) -> bool:
        # Only the holder of the data folder's lock gets here, so a socket file still there was left by a
        # Kuaida that was killed; on POSIX it would make listen() fail.
        QLocalServer.removeServer(self._name)
        if not self._server.listen(self._name):
            log.warning("cannot listen for a second start: %s", self._server.errorString())
            return False
        return True

    def close(self) -> None:
        self._server.close()

    def _on_new_connection(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            # Any connection is a request to come forward; nothing is read from it, nothing else happens.
            socket.disconnected.connect(socket.deleteLater)
            socket.disconnectFromServer()
            self.show_requested.emit()


def ask_first_instance_to_show(home: Path, attempts: int = CONNECT_ATTEMPTS) -> bool:
    """Called by a second Kuaida: True once the one holding `home` has been asked to come to the front."""
    socket = QLocalSocket()
    try:
        for attempt in range(attempts):
            socket.connectToServer(server_name(home))
            if socket.waitForConnected(CONNECT_TIMEOUT_MS):
                socket.write(SHOW_MESSAGE)
                socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
                socket.disconnectFromServer()
                return True
            socket.abort()
            if attempt + 1 < attempts:
                time.sleep(CONNECT_RETRY_SECONDS)  # no window yet: nothing waits on this process
        return False
    finally:
        socket.abort()
