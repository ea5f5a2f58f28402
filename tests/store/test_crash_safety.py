"""A writer killed at any moment (SIGKILL, no clean-up) loses at most the write in flight.

The writer runs in a subprocess and tells us, on stdout, what it has committed and when it is in the middle of
a transaction; the test kills it there and opens the store again. No sleeps: every step waits on a line.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.core.phrases import Phrase
from desktop.store.database import integrity_problems, open_store
from desktop.store.phrases import PhraseRepository

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")

IMPORT_WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    import sqlite_utils.db

    from desktop.core.library_io import LibraryFile, LibraryRow
    from desktop.store.database import open_store
    from desktop.store.phrases import PhraseRepository

    store = open_store(Path(sys.argv[1]))
    store.db.execute("pragma cache_size = 8")  # spill uncommitted pages into the WAL, as a big import does
    repo = PhraseRepository(store.db)
    real_update = sqlite_utils.db.Table.update
    updates = 0

    def update_then_stall(self, *args, **kwargs):
        global updates
        updates += 1
        if updates == 1000:
            print("in the middle", flush=True)
            sys.stdin.readline()  # wait here, inside the transaction, until killed
        return real_update(self, *args, **kwargs)

    sqlite_utils.db.Table.update = update_then_stall
    rows = [LibraryRow(i + 2, f"改过的短语 {i}" * 5, code=f"c{i}") for i in range(2000)]
    rows += [LibraryRow(i + 2002, f"新短语 {i}" * 5, code=f"n{i}") for i in range(5000)]
    repo.import_library(LibraryFile("qianniu", "utf-8", rows=rows), "personal")
    print("committed", flush=True)
    """
)

STREAM_WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    from desktop.core.phrases import Phrase
    from desktop.store.database import open_store
    from desktop.store.phrases import PhraseRepository

    store = open_store(Path(sys.argv[1]))
    repo = PhraseRepository(store.db)
    for i in range(1_000_000):
        repo.save(Phrase(id=f"s-{i}", text=f"短语 {i}"))
        repo.record_use(f"s-{i}", features=[f"f{i % 7}"])
        print(i, flush=True)  # printed only after both commits
    """
)


def start_writer(script: str, path: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8",
    )


def kill(process: subprocess.Popen[str]) -> str:
    os.kill(process.pid, signal.SIGKILL)
    rest, _ = process.communicate()
    assert process.returncode == -signal.SIGKILL
    return rest


def test_a_writer_killed_inside_an_import_leaves_no_trace_of_it(tmp_path: Path) -> None:
    path = tmp_path / "kuaida.sqlite3"
    store = open_store(path)
    PhraseRepository(store.db).save_all(Phrase(id=f"p-{i}", text=f"原来的短语 {i}", code=f"c{i}") for i in range(2000))
    store.close()

    writer = start_writer(IMPORT_WRITER, path)
    assert writer.stdout is not None
    assert writer.stdout.readline().strip() == "in the middle"
    assert path.with_name(path.name + "-wal").stat().st_size > 0  # uncommitted pages really reached the disk
    reader = open_store(path)  # the app reading while the CLI imports: it sees the library as it was
    assert {p.text[:5] for p in PhraseRepository(reader.db).all()} == {"原来的短语"}
    reader.close()
    assert "committed" not in kill(writer)

    store = open_store(path)
    assert integrity_problems(store.db) == []
    phrases = PhraseRepository(store.db).all()
    assert len(phrases) == 2000
    assert all(p.text.startswith("原来的短语") for p in phrases)
    store.close()


def test_a_writer_killed_in_a_stream_of_small_writes_keeps_every_committed_one(tmp_path: Path) -> None:
    path = tmp_path / "kuaida.sqlite3"
    open_store(path).close()
    writer = start_writer(STREAM_WRITER, path)
    assert writer.stdout is not None
    acknowledged = [int(writer.stdout.readline()) for _ in range(300)]
    acknowledged += [int(line) for line in kill(writer).split()]

    store = open_store(path)
    assert integrity_problems(store.db) == []
    repo = PhraseRepository(store.db)
    present = {int(p.id.removeprefix("s-")) for p in repo.all()}
    assert set(acknowledged) <= present
    assert len(present - set(acknowledged)) <= 1  # only the write in flight may be lost, or just landed
    uses = {phrase_id for phrase_id, _day, _n in repo.uses_by_day()}
    assert {f"s-{i}" for i in acknowledged} <= uses
    store.close()
