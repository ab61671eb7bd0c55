"""Safe writing of output files: never clobber by accident, never leave half a file.

:func:`write_output` writes to a temporary file ``.NAME.XXXXXXXX.tmp`` in the target
folder and flushes it to disk. Without ``force`` the temporary file is then hard-linked
to the target name, which fails if a file of that name appeared meanwhile (another
writer, another program): nothing is ever overwritten without ``force``. With ``force``
it is renamed over the target with :func:`os.replace`, so readers see either the old file
or the complete new one, and only a regular file (or a symbolic link to one, which is replaced
itself: the file it points to is never written) is ever replaced: a device such as
``/dev/full``, a pipe, a socket, a folder or a link in ``/dev`` never is. A file the command
read (:mod:`aldlan_model.io.inputs`: the scenario, its ``extends`` chain), by any name, hard or
symbolic link, is never written, with or without ``force``.

A ``SIGTERM`` or ``SIGHUP`` during the write removes the temporary file before the process
ends with that signal. The temporary name holds the writer's process id: a temporary file
whose process no longer runs (a ``SIGKILL``), or older than an hour, is removed on the next
write to the same target.

Errors are :class:`OutputError` subclasses whose message is one line naming the path and
what to do about it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import signal
import stat
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from aldlan_model.i18n.messages import msg
from aldlan_model.io import inputs
from aldlan_model.model.errors import AldlanError, one_line

STALE_AFTER = 3600  # seconds: a temporary file this old belongs to a run that was killed
_TMP_STEM = 180  # characters of the target's name in the temporary name (which adds at most 27)
_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class OutputError(AldlanError, OSError):
    """An output file could not be written; ``str(error)`` is a one-line user message.

    An :class:`AldlanError` (the user can fix it: exit code 2), and still an ``OSError``
    for callers that catch those.
    """


class OutputExistsError(OutputError):
    """The output file exists and overwriting was not asked for."""


class OutputDirError(OutputError):
    """The output's folder is missing, not a folder or not writable, or the path is a folder."""


class OutputInputError(OutputError):
    """The output path is a file the command read (its scenario, an ``extends`` parent)."""


class OutputKindError(OutputError):
    """The output path is a device, pipe or socket: ``--force`` replaces regular files only."""


def _shown(path: Path | str) -> str:
    text = str(path)
    return one_line(text if len(text) <= 200 else text[:100] + "…" + text[-99:])


def _too_long(path: Path) -> OutputError:
    return OutputError(msg("out_name_too_long", path=_shown(path)))


def exists(path: Path | str) -> bool:
    """Whether ``path`` exists (a link to nothing counts); a name too long or otherwise unusable
    is an :class:`OutputError` with one line, never an ``OSError``."""
    try:
        os.lstat(path)
    except FileNotFoundError:
        return False
    except (OSError, ValueError) as exc:
        if getattr(exc, "errno", None) == errno.ENAMETOOLONG:
            raise _too_long(Path(path)) from None
        if isinstance(exc, OSError) and exc.errno in (errno.ENOTDIR, errno.ELOOP):
            return False
        raise OutputError(msg("out_could_not_write", path=_shown(path), why=getattr(exc, "strerror", None) or exc)
                          ) from None
    return True


def _check_not_input(path: Path) -> None:
    """Never overwrite a file this command read: the name itself, a hard link (the same inode) or a
    symbolic link to it."""
    for follow in (False, True):
        try:
            st = os.stat(path, follow_symlinks=follow)
        except (OSError, ValueError):
            continue
        if inputs.is_input(st):
            raise OutputInputError(msg("out_is_input", path=_shown(path)))


_SYSTEM_DIRS = ("/dev", "/proc", "/sys")


def _check_target(path: Path, force: bool) -> None:
    parent = path.parent
    shown = _shown(path)
    _check_not_input(path)
    if not parent.exists():
        raise OutputDirError(msg("out_no_folder", path=_shown(parent)))
    if not parent.is_dir():
        raise OutputDirError(msg("out_parent_not_folder", path=_shown(parent)))
    if path.is_dir():
        raise OutputDirError(msg("out_is_folder", path=shown))
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputDirError(msg("out_not_writable", path=_shown(parent)))
    try:
        os.lstat(path)
    except FileNotFoundError:
        return
    if not force:
        raise OutputExistsError(msg("out_exists", path=shown))
    _check_replaceable(path)


def _check_replaceable(path: Path) -> None:
    """With ``--force``: refuse to replace anything but a regular file (or a link to one, which is
    replaced itself) and never a link in ``/dev``, ``/proc`` or ``/sys`` (``/dev/stdout``)."""
    _check_not_input(path)
    if path.is_symlink():
        folder = os.path.realpath(path.parent)
        if any(folder == d or folder.startswith(d + "/") for d in _SYSTEM_DIRS):
            raise OutputKindError(msg("out_system_link", path=_shown(path)))
    try:
        st = os.stat(path)
    except FileNotFoundError:  # gone meanwhile, or a link to nothing: nothing is lost
        return
    if stat.S_ISREG(st.st_mode):
        return
    if stat.S_ISDIR(st.st_mode):
        raise OutputDirError(msg("out_is_folder", path=_shown(path)))
    raise OutputKindError(msg("out_not_regular", path=_shown(path)))


def _file_mode(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0o666 minus umask."""
    with contextlib.suppress(OSError):
        st = os.stat(path)
        if stat.S_ISREG(st.st_mode):
            return stat.S_IMODE(st.st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _tmp_prefix(path: Path) -> str:
    return f".{path.name[:_TMP_STEM]}."


def _alive(pid: int) -> bool:
    """Whether process ``pid`` still runs (on doubt: yes, so its file is kept)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, ValueError, OverflowError):
        return True
    return True


def remove_stale_temps(path: Path, older_than: float = STALE_AFTER) -> list[Path]:
    """Remove this tool's temporary files for ``path`` left by a run that was killed.

    Only files named ``.NAME.PID-XXXXXXXX.tmp`` whose process ``PID`` no longer runs (a
    ``SIGKILL``), or ``.NAME[.PID-]XXXXXXXX.tmp`` untouched for ``older_than`` seconds; and only
    regular files owned by this user.
    """
    pattern = re.compile(re.escape(_tmp_prefix(path)) + r"(?:(\d+)-)?[a-z0-9_]{8}\.tmp")
    removed: list[Path] = []
    now = time.time()
    uid = os.getuid() if hasattr(os, "getuid") else None
    with contextlib.suppress(OSError), os.scandir(path.parent) as entries:
        for entry in entries:
            match = pattern.fullmatch(entry.name)
            if not match:
                continue
            with contextlib.suppress(OSError):
                st = entry.stat(follow_symlinks=False)
                if not stat.S_ISREG(st.st_mode) or (uid is not None and st.st_uid != uid):
                    continue
                dead = match.group(1) is not None and not _alive(int(match.group(1)))
                if not dead and now - st.st_mtime < older_than:
                    continue
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


@contextlib.contextmanager
def _removed_on_signal(tmp: list[str | None]) -> Iterator[None]:
    """While writing: on SIGTERM or SIGHUP remove the temporary file, then end with that signal."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous: dict[int, object] = {}

    def handler(signum: int, frame: object) -> None:
        name = tmp[0]
        if name is not None:
            with contextlib.suppress(OSError):
                os.unlink(name)
            tmp[0] = None
        old = previous.get(signum)
        if callable(old):
            old(signum, frame)
            return
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)  # the shell sees 128 + signum, as without this handler

    try:
        for signum in _SIGNALS:
            previous[signum] = signal.signal(signum, handler)
    except (ValueError, OSError):  # pragma: no cover - no signals here (embedded interpreter)
        pass
    try:
        yield
    finally:
        for signum, old in previous.items():
            with contextlib.suppress(ValueError, OSError, TypeError):
                signal.signal(signum, old)  # type: ignore[arg-type]


def _link_new(tmp_name: str, path: Path) -> None:
    """Give the finished temporary file the target's name, failing if that name exists."""
    try:
        os.link(tmp_name, path)
    except FileExistsError:
        raise OutputExistsError(msg("out_exists", path=_shown(path))) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.ENOSYS):
            raise
        # a file system without hard links: claim the name first, so no other file is overwritten
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            raise OutputExistsError(msg("out_exists", path=_shown(path))) from None
        os.close(fd)
        os.replace(tmp_name, path)
        return
    os.unlink(tmp_name)


def write_output(path: Path | str, data: bytes | str, *, force: bool = False) -> Path:
    """Write ``data`` (``str`` as UTF-8) to ``path`` atomically and return the path.

    Raises :class:`OutputExistsError` if the file exists (or appears during the write) and
    ``force`` is false, :class:`OutputDirError` for folder problems, :class:`OutputKindError`
    for a device, pipe or socket, and :class:`OutputError` when the write itself fails (also
    for a name too long for the file system); in every case the original file is left
    untouched and no temporary file is left behind.
    """
    path = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    elif not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError(f"data must be bytes or str, not {type(data).__name__}")
    try:
        _check_target(path, force)
    except OutputError:
        raise
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise _too_long(path) from None
        raise OutputError(msg("out_could_not_write", path=_shown(path), why=exc.strerror or exc)) from None
    target = path  # with --force a symbolic link is replaced itself: the file it points to is never written
    remove_stale_temps(target)
    tmp: list[str | None] = [None]
    try:
        with _removed_on_signal(tmp):
            fd, tmp[0] = tempfile.mkstemp(dir=target.parent, prefix=f"{_tmp_prefix(target)}{os.getpid()}-",
                                          suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                if hasattr(os, "fchmod"):  # temp files are 0o600; give the output normal permissions
                    os.fchmod(fh.fileno(), _file_mode(target))
                os.fsync(fh.fileno())
            if force:
                _check_replaceable(target)  # a device put there meanwhile is never replaced
                os.replace(tmp[0], target)
            else:
                _link_new(tmp[0], path)
            tmp[0] = None
    except OutputError:
        raise
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise _too_long(path) from None
        reason = exc.strerror or str(exc) or type(exc).__name__
        raise OutputError(msg("out_could_not_write", path=_shown(path), why=reason)) from exc
    finally:
        if tmp[0] is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp[0])
    return path
