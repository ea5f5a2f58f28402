"""A first Kuaida in miniature: holds a data folder's lock and listens for second starts, as run_app does.

Run by tests/ui/test_single_instance.py as its own process (`python instance_holder.py HOME`). It prints
"ready" once it holds the lock and listens, "shown" when a second start asks it to come to the front (and then
quits), and quits too when its stdin is closed.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt

from desktop.store.instance_lock import InstanceLock
from desktop.ui.shell.single_instance import ActivationServer


def main() -> int:
    app = QCoreApplication(sys.argv[:1])
    home = Path(sys.argv[1])
    lock = InstanceLock.acquire(home)
    server = ActivationServer(home)
    server.show_requested.connect(lambda: (print("shown", flush=True), app.quit()))
    if not server.start():
        return 3
    threading.Thread(target=lambda: (sys.stdin.read(), QMetaObject.invokeMethod(
        app, "quit", Qt.ConnectionType.QueuedConnection)), daemon=True).start()
    print("ready", flush=True)
    code = app.exec()
    server.close()
    lock.release()
    return code


if __name__ == "__main__":
    sys.exit(main())
