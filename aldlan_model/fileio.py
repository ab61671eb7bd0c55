"""Safe writing of output files: never clobber by accident, never leave half a file.

:func:`write_output` writes to a temporary file in the target folder, flushes it to
disk and then renames it over the target with :func:`os.replace`, so readers see either
the old file or the complete new one. Errors are :class:`OutputError` subclasses whose
message is one line naming the path and what to do about it.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from aldlan_model.errors import AldlanError


class OutputError(AldlanError, OSError):
    """An output file could not be written; ``str(error)`` is a one-line user message.

    An :class:`AldlanError` (the user can fix it: exit code 2), and still an ``OSError``
    for callers that catch those.
    """


class OutputExistsError(OutputError):
    """The output file exists and overwriting was not asked for."""


class OutputDirError(OutputError):
    """The output's folder is missing, not a folder or not writable, or the path is a folder."""


def _check_target(path: Path, force: bool) -> None:
    parent = path.parent
    if not parent.exists():
        raise OutputDirError(f"Folder {parent} does not exist; create it or choose another path.")
    if not parent.is_dir():
        raise OutputDirError(f"{parent} is not a folder; choose another output path.")
    if path.is_dir():
        raise OutputDirError(f"{path} is a folder; give a file name for the output.")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputDirError(f"Folder {parent} is not writable; choose another output folder.")
    if path.exists() and not force:
        raise OutputExistsError(f"{path} already exists; use --force to overwrite.")


def _file_mode(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0o666 minus umask."""
    with contextlib.suppress(FileNotFoundError):
        return stat.S_IMODE(path.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_output(path: Path | str, data: bytes | str, *, force: bool = False) -> Path:
    """Write ``data`` (``str`` as UTF-8) to ``path`` atomically and return the path.

    Raises :class:`OutputExistsError` if the file exists and ``force`` is false,
    :class:`OutputDirError` for folder problems and :class:`OutputError` when the
    write itself fails; in every case the original file is left untouched.
    """
    path = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    elif not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError(f"data must be bytes or str, not {type(data).__name__}")
    _check_target(path, force)
    tmp_name: str | None = None
    try:
        with tempfile.NamedTemporaryFile(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False
        ) as tmp:
            tmp_name = tmp.name
            tmp.write(data)
            tmp.flush()
            if hasattr(os, "fchmod"):  # temp files are 0o600; give the output normal permissions
                os.fchmod(tmp.fileno(), _file_mode(path))
            os.fsync(tmp.fileno())
        os.replace(tmp_name, path)
        tmp_name = None
    except OSError as exc:
        reason = exc.strerror or str(exc) or type(exc).__name__
        raise OutputError(f"Could not write {path}: {reason}.") from exc
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
    return path
