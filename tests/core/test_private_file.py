"""The team's private key is readable by its owner alone: 0600 on POSIX, an owner-only ACL on Windows."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from desktop.core.sync import private_file
from desktop.core.sync.private_file import create_private_file, is_private, under_wine


def test_a_private_file_is_readable_by_its_owner_alone_and_never_replaced(tmp_path: Path) -> None:
    path = tmp_path / "team.key"
    create_private_file(path, b"secret")
    assert path.read_bytes() == b"secret"
    with pytest.raises(FileExistsError):
        create_private_file(path, b"other")
    assert path.read_bytes() == b"secret"
    plain = tmp_path / "plain.txt"
    plain.write_bytes(b"x")
    assert not is_private(plain)  # a file that inherits the folder's permissions
    if under_wine():
        pytest.skip("Wine keeps no ACLs on files (it derives them from the Unix mode): real Windows checks this")
    assert is_private(path)


@pytest.mark.skipif(sys.platform != "win32", reason="Windows ACLs")
def test_on_windows_the_acl_set_on_the_key_admits_its_owner_alone() -> None:
    # Under Wine this still runs the ctypes code that builds the ACL and reads it back entry by entry.
    assert private_file.owner_only_dacl_is_sound()
