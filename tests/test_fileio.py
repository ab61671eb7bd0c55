"""Tests for safe, atomic output writing."""

from __future__ import annotations

import os
import re
import stat

import pytest

from aldlan_model.io import fileio
from aldlan_model.io.fileio import (
    OutputDirError,
    OutputError,
    OutputExistsError,
    write_output,
)


def test_writes_str_as_utf8(tmp_path):
    target = tmp_path / "rapport.md"
    assert write_output(target, "Besparing € 3.600.000\n") == target
    assert target.read_bytes() == "Besparing € 3.600.000\n".encode()
    assert os.listdir(tmp_path) == ["rapport.md"]


def test_writes_bytes_and_accepts_str_path(tmp_path):
    target = tmp_path / "out.bin"
    assert write_output(str(target), b"\x00\xff") == target
    assert target.read_bytes() == b"\x00\xff"


def test_new_file_gets_normal_permissions(tmp_path):
    umask = os.umask(0o022)
    try:
        target = write_output(tmp_path / "out.txt", "x")
    finally:
        os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644  # not the temp file's 0o600


def test_refuses_existing_file_without_force(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("old")
    with pytest.raises(OutputExistsError, match="gebruik --force om het te overschrijven") as info:
        write_output(target, "new")
    assert str(target) in str(info.value)
    assert "\n" not in str(info.value)
    assert target.read_text() == "old"
    assert os.listdir(tmp_path) == ["out.csv"]


def test_overwrites_with_force_keeping_permissions(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("old")
    target.chmod(0o640)
    write_output(target, "new", force=True)
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_missing_folder(tmp_path):
    target = tmp_path / "missing" / "out.csv"
    with pytest.raises(OutputDirError, match="bestaat niet") as info:
        write_output(target, "x")
    assert str(target.parent) in str(info.value)
    assert not target.parent.exists()


def test_parent_is_a_file(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputDirError, match="is geen map"):
        write_output(tmp_path / "file" / "out.csv", "x")


@pytest.mark.parametrize("force", [False, True])
def test_path_is_a_directory(tmp_path, force):
    folder = tmp_path / "reports"
    folder.mkdir()
    with pytest.raises(OutputDirError, match="is een map") as info:
        write_output(folder, "x", force=force)
    assert str(folder) in str(info.value)
    assert folder.is_dir()
    assert not any(folder.iterdir())


def test_folder_not_writable(tmp_path, monkeypatch):
    monkeypatch.setattr(fileio.os, "access", lambda *args, **kwargs: False)
    with pytest.raises(OutputDirError, match="kan niet geschreven worden"):
        write_output(tmp_path / "out.csv", "x")
    assert not any(tmp_path.iterdir())


def test_errors_share_a_base_class():
    assert issubclass(OutputExistsError, OutputError)
    assert issubclass(OutputDirError, OutputError)


def test_failed_replace_leaves_original_and_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "out.csv"
    target.write_text("old")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileio.os, "replace", broken_replace)
    with pytest.raises(OutputError, match=r"Kon .* niet schrijven: No space left on device"):
        write_output(target, "new", force=True)
    assert target.read_text() == "old"
    assert os.listdir(tmp_path) == ["out.csv"]


def test_unexpected_exception_also_cleans_up(tmp_path, monkeypatch):
    def boom(fd):
        raise RuntimeError("boom")

    monkeypatch.setattr(fileio.os, "fsync", boom)
    with pytest.raises(RuntimeError, match="boom"):
        write_output(tmp_path / "out.csv", "x")
    assert not any(tmp_path.iterdir())


def test_rejects_other_data_types(tmp_path):
    with pytest.raises(TypeError, match="bytes or str"):
        write_output(tmp_path / "out.csv", 42)  # type: ignore[arg-type]
    assert not any(tmp_path.iterdir())


# --- hostile environments (issue 15) ---------------------------------------------------------


def test_no_force_never_clobbers_a_file_that_appears_meanwhile(tmp_path, monkeypatch):
    """Another writer creates the target between our check and our final step: it wins, we fail."""
    target = tmp_path / "out.csv"
    real_fsync = os.fsync

    def other_writer_first(fd):
        real_fsync(fd)
        target.write_text("theirs")

    monkeypatch.setattr(fileio.os, "fsync", other_writer_first)
    with pytest.raises(OutputExistsError, match="bestaat al; gebruik --force"):
        write_output(target, "ours")
    assert target.read_text() == "theirs"
    assert os.listdir(tmp_path) == ["out.csv"]


def test_two_writers_without_force_one_wins(tmp_path, monkeypatch):
    """The second of two concurrent writers (both past the existence check) fails cleanly."""
    target = tmp_path / "out.csv"
    real_fsync = os.fsync
    calls = []

    def second_writer_inside(fd):
        real_fsync(fd)
        if not calls:
            calls.append(1)
            write_output(target, "second")  # finishes while the first is between fsync and link

    monkeypatch.setattr(fileio.os, "fsync", second_writer_inside)
    with pytest.raises(OutputExistsError):
        write_output(target, "first")
    assert target.read_text() == "second"
    assert os.listdir(tmp_path) == ["out.csv"]


def test_without_hard_links_the_name_is_claimed_first(tmp_path, monkeypatch):
    def no_links(src, dst):
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(fileio.os, "link", no_links)
    target = write_output(tmp_path / "out.csv", "new")
    assert target.read_text() == "new"
    assert os.listdir(tmp_path) == ["out.csv"]
    with pytest.raises(OutputExistsError):
        write_output(target, "again")
    assert target.read_text() == "new"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
@pytest.mark.parametrize("via_link", [False, True])
def test_force_never_replaces_a_pipe(tmp_path, via_link):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    target = fifo
    if via_link:
        target = tmp_path / "link.csv"
        target.symlink_to(fifo)
    with pytest.raises(fileio.OutputKindError, match="geen gewoon bestand") as info:
        write_output(target, "x", force=True)
    assert "\n" not in str(info.value)
    assert stat.S_ISFIFO(os.stat(target).st_mode)
    assert sorted(os.listdir(tmp_path)) == sorted({"pipe", target.name})


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="needs /dev/null")
def test_force_never_replaces_a_device():
    with pytest.raises(fileio.OutputKindError, match="alleen gewone bestanden"):
        write_output("/dev/null", "x", force=True)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_force_replaces_a_link_itself_never_the_file_it_points_to(tmp_path):
    (tmp_path / "real.csv").write_text("old")
    (tmp_path / "link.csv").symlink_to("real.csv")
    write_output(tmp_path / "link.csv", "new", force=True)
    assert (tmp_path / "link.csv").read_text() == "new"
    assert not (tmp_path / "link.csv").is_symlink()  # the link is replaced by the new file
    assert (tmp_path / "real.csv").read_text() == "old"  # what it pointed to is never clobbered
    assert sorted(os.listdir(tmp_path)) == ["link.csv", "real.csv"]


def test_force_on_a_link_into_another_folder(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "real.csv").write_text("old")
    (tmp_path / "a" / "link.csv").symlink_to(tmp_path / "b" / "real.csv")
    write_output(tmp_path / "a" / "link.csv", "new", force=True)
    assert (tmp_path / "b" / "real.csv").read_text() == "old"
    assert (tmp_path / "a" / "link.csv").read_text() == "new"
    assert os.listdir(tmp_path / "a") == ["link.csv"] and os.listdir(tmp_path / "b") == ["real.csv"]


@pytest.mark.parametrize("how", ["same", "symlink", "hardlink"])
@pytest.mark.parametrize("force", [False, True])
def test_an_input_is_never_overwritten(tmp_path, how, force):
    from aldlan_model.io import inputs

    src = tmp_path / "s.yaml"
    src.write_text("name: x\n")
    inputs.forget_all()
    inputs.remember(os.stat(src))
    target = {"same": src, "symlink": tmp_path / "l.json", "hardlink": tmp_path / "h.json"}[how]
    if how == "symlink":
        target.symlink_to("s.yaml")
    elif how == "hardlink":
        os.link(src, target)
    try:
        with pytest.raises(fileio.OutputInputError, match="invoerbestand"):
            write_output(target, "clobbered", force=force)
    finally:
        inputs.forget_all()
    assert src.read_text() == "name: x\n"
    assert not [n for n in os.listdir(tmp_path) if n.endswith(".tmp")]


def test_name_too_long_is_one_line(tmp_path):
    target = tmp_path / ("x" * 300 + ".csv")
    with pytest.raises(OutputError, match="te lang voor het bestandssysteem") as info:
        write_output(target, "x")
    assert "\n" not in str(info.value) and len(str(info.value)) < 400
    assert not any(tmp_path.iterdir())


def test_longest_name_still_gets_a_temporary_file(tmp_path):
    target = tmp_path / ("x" * 250 + ".csv")  # 254 characters: the temporary name is cut
    write_output(target, "x")
    assert os.listdir(tmp_path) == [target.name]


def test_stale_temporary_files_are_removed_on_the_next_write(tmp_path):
    target = tmp_path / "out.csv"
    old = tmp_path / ".out.csv.abcd1234.tmp"
    fresh = tmp_path / ".out.csv.wxyz5678.tmp"
    other = tmp_path / ".other.csv.abcd1234.tmp"
    for p in (old, fresh, other):
        p.write_text("half")
    hours_ago = os.path.getmtime(old) - 2 * 3600
    for p in (old, other):
        os.utime(p, (hours_ago, hours_ago))
    write_output(target, "x")
    assert sorted(os.listdir(tmp_path)) == sorted([".other.csv.abcd1234.tmp", ".out.csv.wxyz5678.tmp", "out.csv"])


KILL_DURING_WRITE = """\
import os, signal, sys
from aldlan_model.io import fileio
def killed(fd):
    os.kill(os.getpid(), signal.{sig})
fileio.os.fsync = killed
fileio.write_output(sys.argv[1], "x" * 100000)
"""


@pytest.mark.skipif(not hasattr(os, "kill") or os.name == "nt", reason="needs POSIX signals")
@pytest.mark.parametrize("sig", ["SIGTERM", "SIGHUP"])
def test_signal_during_a_write_leaves_no_temporary_file(tmp_path, sig):
    import signal
    import subprocess
    import sys

    target = tmp_path / "out.csv"
    proc = subprocess.run([sys.executable, "-c", KILL_DURING_WRITE.format(sig=sig), str(target)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == -getattr(signal, sig), proc.stderr  # ended by the signal: 128 + n in a shell
    assert os.listdir(tmp_path) == []


KILL9_DURING_WRITE = """\
import os, signal, sys
from aldlan_model.io import fileio
def killed(fd):
    os.kill(os.getpid(), signal.SIGKILL)
fileio.os.fsync = killed
fileio.write_output(sys.argv[1], "x" * 100000)
"""


@pytest.mark.skipif(not hasattr(os, "kill") or os.name == "nt", reason="needs POSIX signals")
def test_temporary_file_of_a_killed_run_is_removed_on_the_next_write(tmp_path):
    import subprocess
    import sys

    target = tmp_path / "out.csv"
    proc = subprocess.run([sys.executable, "-c", KILL9_DURING_WRITE, str(target)], capture_output=True, timeout=60)
    assert proc.returncode == -9
    left = os.listdir(tmp_path)
    assert len(left) == 1 and re.fullmatch(r"\.out\.csv\.\d+-[a-z0-9_]{8}\.tmp", left[0]), left
    alive = tmp_path / f".out.csv.{os.getpid()}-abcd1234.tmp"  # a write in progress (this process) is kept
    alive.write_text("half")
    write_output(target, "x")  # at once, not an hour later
    assert sorted(os.listdir(tmp_path)) == sorted([alive.name, "out.csv"])
