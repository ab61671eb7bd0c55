"""Read a YAML file into plain data plus the file, line and column of every key.

PyYAML's composer gives nodes with marks; we turn nodes into data ourselves so that we
can refuse duplicate keys, foreign tags and alias bombs, and remember where each value
was written. Problems are raised as :class:`ScenarioError` naming ``FILE:LINE:COL``.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from aldlan_model.errors import Problem, ScenarioError, short

MAX_BYTES = 1_000_000  # a scenario is a few kB; anything this large is not one
MAX_NODES = 10_000  # nodes after alias expansion: a "billion laughs" file stops here
MAX_DEPTH = 64

_SAFE_TAGS = {
    "tag:yaml.org,2002:" + t
    for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
}

KeyPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Loc:
    """Where a key (or list item) was written; ``raw`` is the scalar's text, if any."""

    file: str
    line: int | None
    col: int | None
    raw: str | None = None


try:  # the C loader is faster; both give the same nodes and marks
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader


def _fail(file: str, line: int | None, col: int | None, message: str) -> ScenarioError:
    return ScenarioError([Problem(file, line, col, "", message)])


def _open_limited(path: Path, shown: str, regular_only: bool = False) -> bytes:
    """The file's bytes, refusing folders, devices and anything over :data:`MAX_BYTES`.

    The file is opened without blocking and checked again on the open descriptor, so a file
    swapped for a pipe meanwhile cannot hang the read. ``regular_only`` refuses pipes too
    (files reached through ``extends``). A "regular" file that says it is empty but has
    content is a kernel file (``/proc``, ``/sys``): refused, never quoted.
    """
    not_regular = "is not a regular file (a device or socket?); give a scenario file"
    st = path.stat()
    if stat.S_ISDIR(st.st_mode):
        raise _fail(shown, 1, None, "is a folder, not a scenario file")
    fifo_ok = not regular_only
    if not (stat.S_ISREG(st.st_mode) or (fifo_ok and stat.S_ISFIFO(st.st_mode))):
        raise _fail(shown, 1, None, not_regular)
    if st.st_size > MAX_BYTES:
        raise _fail(shown, 1, None, f"file is too large ({st.st_size:,} bytes; the limit is {MAX_BYTES:,})")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)  # <(command): never wait for a writer that never comes
    try:
        st = os.fstat(fd)
        if not (stat.S_ISREG(st.st_mode) or (fifo_ok and stat.S_ISFIFO(st.st_mode))):
            raise _fail(shown, 1, None, not_regular)
        if stat.S_ISFIFO(st.st_mode):
            os.set_blocking(fd, True)  # a pipe without a writer reads as empty; with one, wait for its data
        fh = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with fh:  # a pipe or a file growing meanwhile: never read past the limit
        data = fh.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise _fail(shown, 1, None, f"file is too large (more than the limit of {MAX_BYTES:,} bytes)")
    if stat.S_ISREG(st.st_mode) and st.st_size == 0 and data:
        raise _fail(shown, 1, None, "is not a scenario file (a /proc or /sys file?); give a scenario file")
    return data


def _decode(data: bytes, shown: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _fail(shown, 1, 1, "the file is UTF-16 text; save it as UTF-8")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise _fail(
            shown, line, col, f"not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as UTF-8"
        ) from None
    if "\x00" in text:
        if data[0::2].count(0) > len(data) // 4 or data[1::2].count(0) > len(data) // 4:
            raise _fail(shown, 1, 1, "the file looks like UTF-16 text; save it as UTF-8")
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise _fail(shown, line, None, "contains a NUL character; this is not a text file")
    return text


def read_text(path: Path, shown: str, regular_only: bool = False) -> str:
    """Read a file as UTF-8 text, with one-line errors (always with a line) for the usual accidents."""
    try:
        data = _open_limited(path, shown, regular_only)
    except FileNotFoundError:
        raise _fail(shown, 1, None, "file not found") from None
    except PermissionError:
        raise _fail(shown, 1, None, "permission denied: cannot read the file") from None
    except OSError as exc:
        raise _fail(shown, 1, None, f"cannot read the file ({exc.strerror or exc})") from None
    except ValueError:  # a NUL character in the path (from the library API; a shell cannot pass one)
        raise _fail(shown, 1, None, "file not found (the name contains a NUL character)") from None
    return _decode(data, shown)


_TOO_DEEP = "the document is nested too deeply"


def _char_at(text: str, mark: Any) -> str:
    lines = text.split("\n")
    if mark is None or not 0 <= mark.line < len(lines):
        return ""
    line = lines[mark.line]
    return line[mark.column] if 0 <= mark.column < len(line) else ""


def _yaml_message(exc: yaml.MarkedYAMLError, text: str) -> str:
    """PyYAML's problem in words a treasurer can act on."""
    problem = (exc.problem or exc.context or "invalid YAML").strip()
    if "tab character" in problem or _char_at(text, exc.problem_mark) == "\t":
        return "not valid YAML: a tab character; indent with spaces, never tabs"
    if "another document" in problem:
        return "a scenario file holds one YAML document; remove the second '---' and what follows"
    if "maximum nesting depth" in problem:
        return _TOO_DEEP
    return f"not valid YAML: {problem}"


NOT_A_SCENARIO = "not a scenario: none of its keys is a scenario key"


def parse(
    text: str, shown: str, is_key: Callable[[str], bool] | None = None
) -> tuple[Any, dict[KeyPath, Loc]]:
    """Parse YAML text into (data, locations). The top level must be a mapping.

    With ``is_key``, a mapping none of whose top-level keys passes it is refused as a whole
    before anything in it is looked at, so that no key or value of a file that is no
    scenario (a JSON file of secrets, ``/etc/shadow``) is ever quoted in a message.
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        col = mark.column + 1 if mark else None
        raise _fail(shown, line, col, _yaml_message(exc, text)) from None
    except yaml.reader.ReaderError as exc:  # a character YAML forbids; position is a byte offset
        ch = exc.character
        code = ord(ch) if isinstance(ch, str) else int(ch)
        if _Loader is yaml.SafeLoader:  # the pure-Python reader counts characters
            pos = min(max(int(exc.position), 0), len(text))
            line, col = text.count("\n", 0, pos) + 1, pos - (text.rfind("\n", 0, pos) + 1) + 1
        else:  # libyaml counts UTF-8 bytes
            data = text.encode("utf-8")
            pos = min(max(int(exc.position), 0), len(data))
            line = data.count(b"\n", 0, pos) + 1
            col = len(data[data.rfind(b"\n", 0, pos) + 1 : pos].decode("utf-8", "replace")) + 1
        raise _fail(
            shown, line, col, f"not valid YAML: the character U+{code:04X} is not allowed in a YAML file"
        ) from None
    except yaml.YAMLError as exc:
        raise _fail(shown, 1, None, f"not valid YAML: {(str(exc).splitlines() or ['?'])[0]}") from None
    except RecursionError:
        raise _fail(shown, 1, None, _TOO_DEEP) from None
    finally:
        loader.dispose()
    if node is None or (node.tag.endswith(":null") and not node.value):
        raise _fail(shown, 1, 1, "the file is empty; expected a scenario (name, period, tariffs, …)")
    if not isinstance(node, yaml.MappingNode):
        kind = "a list" if isinstance(node, yaml.SequenceNode) else "a single value"
        raise _fail(
            shown,
            node.start_mark.line + 1,
            node.start_mark.column + 1,
            f"expected a mapping of keys (name: …, period: …), got {kind}",
        )
    if is_key is not None and not any(
        isinstance(k, yaml.ScalarNode) and k.tag.endswith(":str") and is_key(k.value) for k, _ in node.value
    ):
        raise _fail(shown, 1, None, NOT_A_SCENARIO)
    walker = _Walker(shown, loader)
    data = walker.walk(node, (), 0)
    if walker.problems:
        raise ScenarioError(walker.problems)
    return data, walker.locs


def parse_value(text: str, shown: str) -> Any:
    """One YAML value (a ``--set`` value): same safety rules as a file, any type of node.

    Raises ``yaml.YAMLError`` when the text is not YAML at all (callers may take it as text)
    and :class:`ScenarioError` for foreign tags, odd number notations and alias bombs.
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    finally:
        loader.dispose()
    if node is None:
        return None
    walker = _Walker(shown, loader)
    data = walker.walk(node, (), 0)
    if walker.problems:
        raise ScenarioError([Problem(shown, None, None, p.path, p.message) for p in walker.problems])
    return data


class _Walker:
    def __init__(self, shown: str, loader: Any):
        self.shown = shown
        self.loader = loader
        self.locs: dict[KeyPath, Loc] = {}
        self.problems: list[Problem] = []
        self.nodes = 0

    def _where(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + 1, node.start_mark.column + 1

    def walk(self, node: yaml.Node, path: KeyPath, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            line, col = self._where(node)
            raise _fail(
                self.shown, line, col,
                f"the document expands to more than {MAX_NODES:,} values "
                "(aliases repeated too often?)",
            )
        if depth > MAX_DEPTH:
            line, col = self._where(node)
            raise _fail(self.shown, line, col, _TOO_DEEP)
        if node.tag not in _SAFE_TAGS:
            line, col = self._where(node)
            self.problems.append(
                Problem(self.shown, line, col, _dotted(path), _bad_tag(node.tag))
            )
            return None
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                line, col = self._where(key_node)
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                    self.problems.append(Problem(self.shown, line, col, _dotted(path), _bad_key(key_node)))
                    continue
                key = key_node.value
                sub = (*path, key)
                if key in out:
                    first = self.locs[sub]
                    self.problems.append(Problem(
                        self.shown, line, col, _dotted(sub),
                        f"duplicate key (first written on line {first.line})",
                    ))
                    continue
                raw = value_node.value if isinstance(value_node, yaml.ScalarNode) else None
                self.locs[sub] = Loc(self.shown, line, col, raw)
                out[key] = self.walk(value_node, sub, depth + 1)
            return out
        if isinstance(node, yaml.SequenceNode):
            items = []
            for i, item in enumerate(node.value):
                line, col = self._where(item)
                raw = item.value if isinstance(item, yaml.ScalarNode) else None
                self.locs[(*path, i)] = Loc(self.shown, line, col, raw)
                items.append(self.walk(item, (*path, i), depth + 1))
            return items
        if node.tag.endswith(":timestamp"):
            return node.value  # a date is text to us, never a number
        if node.tag.endswith((":int", ":float")) and (why := _odd_number(node.value)):
            line, col = self._where(node)
            self.problems.append(Problem(self.shown, line, col, _dotted(path), why))
            return None
        if node.tag.endswith((":int", ":float")) and (why := _huge_number(node.value)):
            line, col = self._where(node)
            self.problems.append(Problem(self.shown, line, col, _dotted(path), why))
            return None
        if node.tag.endswith(":str") and not node.style and _FLOAT12.fullmatch(node.value):
            return float(node.value)  # 1e6, 3.6e6: numbers in YAML 1.2 and in editors, text in YAML 1.1
        return self.loader.construct_object(node)


_FLOAT12 = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)[eE][-+]?[0-9]+")
_OCTAL = re.compile(r"[-+]?0[0-9_]+")


_HUGE_DIGITS = 100  # far beyond the limit of 10**12; Python refuses int() of 4,300+ digits


def _huge_number(raw: str) -> str | None:
    """A message for a number literal with absurdly many digits (never converted: int() of
    5,000 digits raises ValueError, a float of 400 digits is infinite)."""
    whole = raw.lstrip("+-").replace("_", "").split(".")[0]
    if len(whole) <= _HUGE_DIGITS or not whole.isdigit():
        return None
    return (f"number is too large (the limit is 1,000,000,000,000), "
            f"got a number of {len(whole.lstrip('0')) or 1:,} digits")


def _odd_number(raw: str) -> str | None:
    """A message when YAML 1.1 reads a number in a notation nobody means in a scenario."""
    if ":" in raw:
        return f"'{raw}' is a base-60 number in YAML (1:30 means 90); write the number in decimal, or quote it as text"
    lowered = raw.lower().lstrip("+-")
    if lowered.startswith(("0x", "0o", "0b")):
        return f"'{raw}' is a hexadecimal, octal or binary number; write the number in decimal"
    if _OCTAL.fullmatch(raw):
        return f"'{raw}' is an octal number in YAML (010 means 8); write it without the leading zero"
    return None


def _bad_tag(tag: str) -> str:
    short = tag.replace("tag:yaml.org,2002:", "!!")
    return f"unsupported YAML tag {short}; a scenario holds only numbers, text, true/false, lists and mappings"


def _bad_key(node: yaml.Node) -> str:
    if node.tag == "tag:yaml.org,2002:merge":
        return "merge keys (<<) are not supported; use extends, or write the keys out"
    if isinstance(node, yaml.SequenceNode):
        return "keys must be words, got a list"
    if isinstance(node, yaml.MappingNode):
        return "keys must be words, got a mapping"
    if node.tag.endswith(":bool"):
        return f"keys must be words, got {node.value!r} (YAML reads it as yes/no; quote it)"
    if node.tag.endswith(":null"):
        return "keys must be words, got an empty key"
    if node.tag.endswith((":int", ":float")):
        return (f"keys must be words, got {short(node.value)!r} — inside {{ }} a comma separates entries, "
                "so write decimals with a point (30.51, not 30,51)")
    return f"keys must be words, got {short(node.value)!r}"


def _dotted(path: KeyPath) -> str:
    return ".".join(str(p) for p in path)


dotted = _dotted
