"""Tests for safe, atomic output writing."""

from __future__ import annotations

import os
import stat

import pytest

from aldlan_model import fileio
from aldlan_model.fileio import (
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
    with pytest.raises(OutputExistsError, match="use --force to overwrite") as info:
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
    with pytest.raises(OutputDirError, match="does not exist") as info:
        write_output(target, "x")
    assert str(target.parent) in str(info.value)
    assert not target.parent.exists()


def test_parent_is_a_file(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputDirError, match="is not a folder"):
        write_output(tmp_path / "file" / "out.csv", "x")


@pytest.mark.parametrize("force", [False, True])
def test_path_is_a_directory(tmp_path, force):
    folder = tmp_path / "reports"
    folder.mkdir()
    with pytest.raises(OutputDirError, match="is a folder") as info:
        write_output(folder, "x", force=force)
    assert str(folder) in str(info.value)
    assert folder.is_dir()
    assert not any(folder.iterdir())


def test_folder_not_writable(tmp_path, monkeypatch):
    monkeypatch.setattr(fileio.os, "access", lambda *args, **kwargs: False)
    with pytest.raises(OutputDirError, match="not writable"):
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
    with pytest.raises(OutputError, match=r"Could not write .*No space left on device"):
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
