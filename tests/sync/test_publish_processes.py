"""Publishers as real processes: one killed after each of its writes, and two racing for the same share."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from desktop.core.sync.keys import write_key_pair
from desktop.sync.folder import TeamFolder
from desktop.sync.publish import publish
from desktop.sync.pull import sync_once
from desktop.sync.status import SyncState

PUBLISH_STEPS = ("lock", "pack:temp-written", "pack:renamed", "manifest.json:temp-written",
                 "manifest.json:renamed")

# The child builds a library, publishes it and dies with os._exit (no cleanup, no finally) at one step.
_CRASHING_PUBLISHER = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    from desktop.core.phrases import Phrase
    from desktop.core.sync.keys import load_signing_key
    from desktop.core.sync.pack import TeamLibrary
    from desktop.sync.publish import publish

    share, key, stop_at = Path(sys.argv[1]), load_signing_key(Path(sys.argv[2])), int(sys.argv[3])
    seen = []
    def step(name):
        seen.append(name)
        if len(seen) == stop_at:
            os._exit(9)
    phrases = tuple(Phrase(id=f"t-{i}", text=f"新版第 {i} 条", source="team") for i in range(7))
    publish(share, TeamLibrary(phrases), key, "主管", step=step)
""")

_RACING_PUBLISHER = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from desktop.core.phrases import Phrase
    from desktop.core.sync.keys import load_signing_key
    from desktop.core.sync.pack import TeamLibrary
    from desktop.sync.publish import PublishConflictError, publish

    share, key, name, wanted = Path(sys.argv[1]), load_signing_key(Path(sys.argv[2])), sys.argv[3], int(sys.argv[4])
    versions, conflicts = [], 0
    while len(versions) < wanted:
        library = TeamLibrary((Phrase(id="t-1", text=f"{name} 的第 {len(versions)} 版", source="team"),))
        try:
            versions.append(publish(share, library, key, name, delays=(0.01,) * 20).manifest.library_version)
        except PublishConflictError:
            conflicts += 1
    print(json.dumps({"versions": versions, "conflicts": conflicts}))
""")


@pytest.fixture
def key_file(tmp_path, signing_key):
    private, _public = write_key_pair(tmp_path / "keys", signing_key)
    return private


@pytest.mark.parametrize("stop_at", range(1, len(PUBLISH_STEPS) + 1), ids=PUBLISH_STEPS)
def test_a_publisher_killed_after_any_write_leaves_agents_a_consistent_library(
        tmp_path, signing_key, make_library, team, key_file, stop_at):
    share = tmp_path / "share"
    publish(share, make_library(3), signing_key, "主管")
    assert sync_once(share, team, trust=signing_key.public.fingerprint).local_version == 1

    child = subprocess.run([sys.executable, "-c", _CRASHING_PUBLISHER, str(share), str(key_file), str(stop_at)],
                           capture_output=True, text=True, timeout=120)
    assert child.returncode == 9, child.stderr

    status = sync_once(share, team)
    completed = stop_at == len(PUBLISH_STEPS)
    assert status.ok, status
    assert status.local_version == (2 if completed else 1)
    assert team.phrases.count("team") == (7 if completed else 3)
    assert TeamFolder(share).lock.exists()  # a killed publisher cannot clean up after itself

    # The next publish breaks the dead lock (here at once; by default after 15 minutes of share time).
    nxt = publish(share, make_library(5), signing_key, "主管", stale_lock_after=0)
    assert sync_once(share, team).local_version == nxt.manifest.library_version
    assert team.phrases.count("team") == 5


def test_two_publishers_racing_never_lose_a_version_and_the_loser_is_told_to_retry(
        tmp_path, signing_key, make_library, team, key_file):
    share = tmp_path / "share"
    publish(share, make_library(1), signing_key, "主管")
    wanted = 6
    racers = [
        subprocess.Popen([sys.executable, "-c", _RACING_PUBLISHER, str(share), str(key_file), name, str(wanted)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for name in ("甲", "乙")
    ]
    reports = []
    for racer in racers:
        out, err = racer.communicate(timeout=300)
        assert racer.returncode == 0, err
        reports.append(json.loads(out))
    versions = sorted(v for report in reports for v in report["versions"])
    assert versions == list(range(2, 2 + 2 * wanted))  # every success got its own version, none overwritten
    status = sync_once(share, team, trust=signing_key.public.fingerprint)
    assert (status.state, status.local_version) == (SyncState.UPDATED, 1 + 2 * wanted)
    assert not TeamFolder(share).lock.exists()
