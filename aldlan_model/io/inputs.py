"""The files a command has read, so that its output never overwrites one of them.

:mod:`aldlan_model.io.yamlsrc` notes every file it opens (the scenario, its ``extends``
chain, reference data) by device and inode; :func:`aldlan_model.io.fileio.write_output`
refuses a target that is one of them, whatever name, hard link or symbolic link reaches it.
The CLI forgets them at the start of each command.
"""

from __future__ import annotations

import os

_READ: set[tuple[int, int]] = set()
_PIPES: dict[str, bytes] = {}  # a pipe (``/dev/stdin``, ``<(…)``) read once: its bytes, for a second look


def remember(st: os.stat_result) -> None:
    """Note a file that was read (its ``os.stat`` / ``os.fstat`` result)."""
    _READ.add((st.st_dev, st.st_ino))


def forget_all() -> None:
    _READ.clear()
    _PIPES.clear()


def keep_pipe(path: str, data: bytes) -> None:
    """A pipe can be read once: keep what it gave, for the command's second read of the same name."""
    _PIPES[path] = data


def pipe_data(path: str) -> bytes | None:
    return _PIPES.get(path)


def is_input(st: os.stat_result) -> bool:
    return (st.st_dev, st.st_ino) in _READ
