"""Read a YAML file into plain data plus the file, line and column of every key.

PyYAML's composer gives nodes with marks; we turn nodes into data ourselves so that we
can refuse duplicate keys, foreign tags and alias bombs, and remember where each value
was written. Problems are raised as :class:`ScenarioError` naming ``FILE:LINE:COL``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from aldlan_model.errors import Problem, ScenarioError

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


def read_text(path: Path, shown: str) -> str:
    """Read a file as UTF-8 text, with one-line errors for the usual accidents."""
    try:
        if path.is_dir():
            raise _fail(shown, None, None, "is a folder, not a scenario file")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _fail(shown, 1, None, f"file is too large ({size:,} bytes; the limit is {MAX_BYTES:,})")
        data = path.read_bytes()
    except FileNotFoundError:
        raise _fail(shown, None, None, "file not found") from None
    except PermissionError:
        raise _fail(shown, None, None, "permission denied: cannot read the file") from None
    except OSError as exc:
        raise _fail(shown, None, None, f"cannot read the file ({exc.strerror or exc})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise _fail(
            shown, line, col, f"not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as UTF-8"
        ) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise _fail(shown, line, None, "contains a NUL character; this is not a text file")
    return text


def parse(text: str, shown: str) -> tuple[Any, dict[KeyPath, Loc]]:
    """Parse YAML text into (data, locations). The top level must be a mapping."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = (exc.problem or exc.context or "invalid YAML").strip()
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        raise _fail(shown, line, col, f"not valid YAML: {what}") from None
    except yaml.YAMLError as exc:
        raise _fail(shown, 1, None, f"not valid YAML: {str(exc).splitlines()[0]}") from None
    except RecursionError:
        raise _fail(shown, 1, None, "the document is nested too deeply") from None
    finally:
        loader.dispose()
    if node is None:
        raise _fail(shown, 1, 1, "the file is empty; expected a scenario (name, period, tariffs, …)")
    if not isinstance(node, yaml.MappingNode):
        kind = "a list" if isinstance(node, yaml.SequenceNode) else "a single value"
        raise _fail(
            shown,
            node.start_mark.line + 1,
            node.start_mark.column + 1,
            f"expected a mapping of keys (name: …, period: …), got {kind}",
        )
    walker = _Walker(shown, loader)
    data = walker.walk(node, (), 0)
    if walker.problems:
        raise ScenarioError(walker.problems)
    return data, walker.locs


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
            raise _fail(self.shown, line, col, "the document is nested too deeply")
        if node.tag not in _SAFE_TAGS:
            line, col = self._where(node)
            self.problems.append(
                Problem(self.shown, line, col, _dotted(path), f"unsupported YAML tag {node.tag}")
            )
            return None
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                line, col = self._where(key_node)
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                    shown_key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
                    self.problems.append(Problem(
                        self.shown, line, col, _dotted(path),
                        f"keys must be words, got {shown_key!r}",
                    ))
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
        value = self.loader.construct_object(node)
        if node.tag.endswith(":timestamp"):
            return node.value  # a date is text to us, never a number
        return value


def _dotted(path: KeyPath) -> str:
    return ".".join(str(p) for p in path)


dotted = _dotted
