"""A pull with a time limit, for the command line (the window abandons hung calls through its task runner).

A share that hangs inside a system call cannot be interrupted: the pull runs on a daemon thread, and past
the limit it is left behind (its late result is dropped, its collector pause ended) so `kuaida sync` answers
离线 and exits instead of waiting for ever.
"""

from __future__ import annotations

import threading
from pathlib import Path

from desktop.store.team import MirrorState
from desktop.sync import pull as pull_module
from desktop.sync.pull import PullOutcome
from desktop.sync.status import SyncState

DEFAULT_TIMEOUT_SECONDS = 60.0


def pull_within(timeout_seconds: float, folder_path: Path, mirror: MirrorState, configured_key: str = "",
                trust: str = "") -> PullOutcome:
    lock = threading.Lock()
    result: list[PullOutcome] = []
    failure: list[BaseException] = []
    gave_up = False

    def run() -> None:
        try:
            outcome = pull_module.pull(folder_path, mirror, configured_key, trust)
        except BaseException as error:  # handed to the caller's thread, which raises it
            with lock:
                failure.append(error)
            return
        with lock:
            if not gave_up:
                result.append(outcome)
                return
        if outcome.collector_pause is not None:
            outcome.collector_pause.end()

    worker = threading.Thread(target=run, name="kuaida-sync-pull", daemon=True)
    worker.start()
    worker.join(timeout_seconds)
    with lock:
        if result:
            return result[0]
        if failure:
            raise failure[0]
        gave_up = True
    return PullOutcome(SyncState.OFFLINE, f"共享文件夹在 {timeout_seconds:g} 秒内没有响应")
