"""Read a YAML file into plain data plus the file, line and column of every key.

PyYAML's composer gives nodes with marks; we turn nodes into data ourselves so that we
can refuse duplicate keys, foreign tags and alias bombs, and remember where each value
was written. Problems are raised as :class:`ScenarioError` naming ``FILE:LINE:COL``.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from aldlan_model.i18n.messages import L, msg
from aldlan_model.i18n.messages import grouped as _n
from aldlan_model.io import inputs
from aldlan_model.model.errors import Problem, ScenarioError, short

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
    not_regular = msg("not_regular")
    st = path.stat()
    if stat.S_ISFIFO(st.st_mode) and not regular_only and inputs.pipe_data(str(path)) is not None:
        return inputs.pipe_data(str(path)) or b""  # `report /dev/stdin`: the pipe was read once already
    if stat.S_ISDIR(st.st_mode):
        raise _fail(shown, None, None, msg("is_folder"))
    fifo_ok = not regular_only
    if not (stat.S_ISREG(st.st_mode) or (fifo_ok and stat.S_ISFIFO(st.st_mode))):
        raise _fail(shown, None, None, not_regular)
    if st.st_size > MAX_BYTES:
        raise _fail(shown, None, None, msg("too_large_file", size=_n(st.st_size), limit=_n(MAX_BYTES)))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)  # <(command): never wait for a writer that never comes
    try:
        st = os.fstat(fd)
        if not (stat.S_ISREG(st.st_mode) or (fifo_ok and stat.S_ISFIFO(st.st_mode))):
            raise _fail(shown, None, None, not_regular)
        inputs.remember(st)  # this command's output may never overwrite it
        if stat.S_ISFIFO(st.st_mode):
            os.set_blocking(fd, True)  # a pipe without a writer reads as empty; with one, wait for its data
        fh = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with fh:  # a pipe or a file growing meanwhile: never read past the limit
        data = fh.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise _fail(shown, None, None, msg("too_large_stream", limit=_n(MAX_BYTES)))
    if stat.S_ISFIFO(st.st_mode):
        inputs.keep_pipe(str(path), data)
    if stat.S_ISREG(st.st_mode) and st.st_size == 0 and data:
        raise _fail(shown, None, None, msg("kernel_file"))
    return data


def _decode(data: bytes, shown: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _fail(shown, 1, 1, msg("utf16"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise _fail(
            shown, line, col, msg("not_utf8", byte=f"{data[exc.start]:02x}")
        ) from None
    if "\x00" in text:
        if data[0::2].count(0) > len(data) // 4 or data[1::2].count(0) > len(data) // 4:
            raise _fail(shown, 1, 1, msg("utf16_like"))
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise _fail(shown, line, None, msg("nul_char"))
    return text


def near_file(path: Path) -> str | None:
    """A scenario file in the same folder the user may have meant: the same name in other
    capitals (``Schakel.yaml`` → ``schakel.yaml``), with ``.yaml`` added, or one typo away."""
    import difflib

    folder, name = path.parent, path.name
    try:
        with os.scandir(folder) as it:
            names = [e.name for e, _ in zip(it, range(5000), strict=False)
                     if os.path.splitext(e.name)[1].lower() in (".yaml", ".yml")]
    except (OSError, ValueError):
        return None
    for candidate in (name.lower(), name.lower() + ".yaml", name.lower() + ".yml"):
        same = [n for n in names if n.lower() == candidate]
        if same:
            return same[0]
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.85)
    return close[0] if close else None


def read_text(path: Path, shown: str, regular_only: bool = False) -> str:
    """Read a file as UTF-8 text, with one-line errors for the usual accidents (a line number only
    where the file's content is at fault)."""
    try:
        data = _open_limited(path, shown, regular_only)
    except FileNotFoundError:
        near = near_file(path)
        hint = msg("ext_did_you_mean", name=repr(os.path.join(os.path.dirname(shown), near))) if near else ""
        raise _fail(shown, None, None, msg("file_not_found") + hint) from None
    except PermissionError:
        raise _fail(shown, None, None, msg("permission_denied")) from None
    except OSError as exc:
        raise _fail(shown, None, None, msg("cannot_read", why=exc.strerror or exc)) from None
    except ValueError:  # a NUL character in the path (from the library API; a shell cannot pass one)
        raise _fail(shown, None, None, msg("file_not_found_nul")) from None
    return _decode(data, shown)


class _Lines:
    """Line and column of a character offset the way an editor counts them: only CR LF, CR and
    LF end a line (PyYAML also counts U+2028, U+2029 and U+0085, which editors show inline)."""

    def __init__(self, text: str):
        import bisect

        self._bisect = bisect.bisect_right
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
        self.odd = any(ch in text for ch in "\u2028\u2029\x85")

    def at(self, mark: Any) -> tuple[int, int]:
        if not self.odd or mark is None or not 0 <= getattr(mark, "index", -1) <= len(self.text):
            return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        return self.of(mark.index)

    def of(self, index: int) -> tuple[int, int]:
        i = self._bisect(self.starts, index) - 1
        return i + 1, index - self.starts[i] + 1

    def line(self, n: int) -> str:
        """Line ``n`` (1-based) without its line break; '' past the end."""
        if not 1 <= n <= len(self.starts):
            return ""
        end = self.starts[n] if n < len(self.starts) else len(self.text)
        return self.text[self.starts[n - 1]:end].rstrip("\r\n")


def _char_at(text: str, mark: Any) -> str:
    lines = text.split("\n")
    if mark is None or not 0 <= mark.line < len(lines):
        return ""
    line = lines[mark.line]
    return line[mark.column] if 0 <= mark.column < len(line) else ""


def _content(line: str) -> str:
    """A line without its comment (roughly: ' #' outside quotes ends it)."""
    quote = ""
    for i, ch in enumerate(line):
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch == "#" and (i == 0 or line[i - 1] in " \t"):
            return line[:i].rstrip()
    return line.rstrip()


def _nbsp_near(lines: _Lines, line: int) -> tuple[int, int] | None:
    """The first no-break space on ``line`` or the line above it (where a YAML error starts)."""
    for n in (line, line - 1):
        text = lines.line(n)
        if "\u00a0" in text:
            return n, text.index("\u00a0") + 1
    return None


def _yaml_problem(exc: yaml.MarkedYAMLError, lines: _Lines) -> tuple[int, int | None, str]:
    """PyYAML's problem as (line, column, message): the line where the writer has to look,
    in words a treasurer can act on. ``problem_mark`` is where PyYAML gave up; ``context_mark``
    where the construct it was reading began (the opening quote, the key without a colon)."""
    problem = (exc.problem or exc.context or "invalid YAML").strip()
    context = (exc.context or "").strip()
    line, col = lines.at(exc.problem_mark or exc.context_mark)
    if "tab character" in problem or _char_at(lines.text, exc.problem_mark) == "\t":
        return line, col, msg("yaml_tab")
    if "another document" in problem:
        return line, col, msg("yaml_second_doc")
    if "maximum nesting depth" in problem:
        return line, col, msg("yaml_too_deep")
    nbsp = _nbsp_near(lines, line)
    if nbsp is not None:
        return nbsp[0], nbsp[1], msg("nbsp", line=nbsp[0], col=nbsp[1])
    if "quoted scalar" in context and ("escape" in problem or "hexdecimal" in problem):
        return _escape_problem(lines, line, col)
    if "quoted scalar" in context and exc.context_mark is not None:
        line, col = lines.at(exc.context_mark)
        quote = _char_at(lines.text, exc.context_mark) or '"'
        return line, col, msg("yaml_unclosed_quote", quote=quote)
    if "simple key" in context and exc.context_mark is not None:  # `housing 9000` before a next key
        line, col = lines.at(exc.context_mark)
        rest = lines.line(line)[col - 1:]
        if ": " in rest + " " and len(rest.partition(":")[0]) > 1024:  # YAML's limit of a plain key
            return line, col, msg("yaml_key_too_long")
        return line, col, _missing_colon(rest)
    if "flow mapping" in context or "flow sequence" in context:
        line, col = lines.at(exc.context_mark)
        pair = ("{", "}") if "mapping" in context else ("[", "]")
        return line, col, msg("yaml_unclosed_flow", open=pair[0], close=pair[1])
    if "mapping values are not allowed" in problem:
        here = lines.line(line)
        before = _content(here[: col - 1])
        if ": " in before or before.rstrip().endswith(":"):  # `name: Buurtkamer: Oost`
            key, _, value = before.partition(":")
            rest = _content(here)[len(key) + 1:].strip()
            fixed = f'{key.strip()}: "{rest}"'
            if '"' in rest:
                fixed = f"{key.strip()}: '{rest}'"
            return line, col, msg("yaml_colon_in_text", fixed=fixed.strip())
        above = line - 1
        while above > 0 and not _content(lines.line(above)).strip():
            above -= 1
        prev = _content(lines.line(above))
        indent = len(here) - len(here.lstrip(" "))
        item = re.match(r"(\s*-\s+)(.*)$", prev)  # `- role begeleider`: a list item's first key
        body = item.group(2) if item else prev.strip()
        if above > 0 and ":" not in prev and body and not body.startswith(("-", "[", "{", "'", '"')):
            start = len(item.group(1)) if item else len(prev) - len(prev.lstrip(" "))
            return above, start + 1, _missing_colon(body)
        return line, indent + 1, msg("yaml_indent_deeper", above=above)
    if "expected key" in problem and "block mapping" in context:
        here = lines.line(line)
        return line, len(here) - len(here.lstrip(" ")) + 1, msg("yaml_indent_odd")
    if "cannot start any token" in problem:  # `description: @home`, a backquote
        return line, col, msg("yaml_bad_start", char=repr(_char_at(lines.text, exc.problem_mark) or "?"))
    if "expected <document start>" in problem:  # text after a `...` line
        return line, col, msg("yaml_after_end")
    if "incompatible YAML document" in problem:
        return line, col, msg("yaml_version")
    if "undefined alias" in problem:
        name = lines.line(line)[col - 1:].lstrip("*").split()[0] if lines.line(line)[col - 1:].strip() else "?"
        return line, col, msg("yaml_undefined_alias", name=name.rstrip(",]}"))
    return line, col, msg("yaml_other", problem=problem)


_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2}|[uUx][0-9a-fA-F]*|.?)")


def _escape_problem(lines: _Lines, line: int, col: int) -> tuple[int, int, str]:
    """A backslash escape in a "double-quoted" text that is no character: ``"A\\ud800B"`` (a lone
    surrogate), ``"\\q"``. Not an unclosed quote: the escape is named, with the way out."""
    text = lines.line(line)
    start = text.rfind("\\", 0, max(col, 1))
    found = _ESCAPE.match(text, start) if start >= 0 else None
    if found is None:
        return line, col, msg("yaml_bad_escape", esc="\\")
    esc = found.group(0)
    code = int(esc[2:], 16) if re.fullmatch(r"\\[uU][0-9a-fA-F]+", esc) else None
    if code is not None and 0xD800 <= code <= 0xDFFF:
        return line, start + 1, msg("yaml_escape_surrogate", esc=esc)
    return line, start + 1, msg("yaml_bad_escape", esc=esc)


def _missing_colon(text: str) -> str:
    """The message for a key written without its colon: ``housing 9000`` → ``housing: 9000``."""
    key, _, rest = _content(text).strip().partition(" ")
    fixed = f"{key}: {rest.strip()}" if rest.strip() else f"{key}:"
    return msg("yaml_missing_colon", key=short(key), fixed=short(fixed, 60))


def parse(
    text: str, shown: str, is_key: Callable[[str], bool] | None = None
) -> tuple[Any, dict[KeyPath, Loc]]:
    """Parse YAML text into (data, locations). The top level must be a mapping.

    With ``is_key``, a mapping none of whose top-level keys passes it is refused as a whole
    before anything in it is looked at, so that no key or value of a file that is no
    scenario (a JSON file of secrets, ``/etc/shadow``) is ever quoted in a message.
    """
    loader = _Loader(text)
    lines = _Lines(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        line, col, message = _yaml_problem(exc, lines)
        raise _fail(shown, line, col, message) from None
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
        raise _fail(shown, line, col, msg("yaml_bad_char", code=f"{code:04X}")) from None
    except yaml.YAMLError as exc:
        raise _fail(shown, 1, None, msg("yaml_other", problem=(str(exc).splitlines() or ['?'])[0])) from None
    except RecursionError:
        raise _fail(shown, 1, None, msg("yaml_too_deep")) from None
    finally:
        loader.dispose()
    if node is None or (node.tag.endswith(":null") and not node.value):
        raise _fail(shown, 1, 1, msg("empty_file"))
    if not isinstance(node, yaml.MappingNode):
        kind = L("een lijst", "a list") if isinstance(node, yaml.SequenceNode) else L("één waarde", "a single value")
        raise _fail(
            shown,
            *lines.at(node.start_mark),
            msg("top_not_mapping", kind=kind),
        )
    if is_key is not None and not any(
        isinstance(k, yaml.ScalarNode) and k.tag.endswith(":str") and is_key(k.value) for k, _ in node.value
    ):
        raise _fail(shown, 1, None, msg("not_a_scenario"))
    walker = _Walker(shown, loader, lines)
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
    def __init__(self, shown: str, loader: Any, lines: _Lines | None = None):
        self.shown = shown
        self.loader = loader
        self.lines = lines
        self.locs: dict[KeyPath, Loc] = {}
        self.problems: list[Problem] = []
        self.nodes = 0

    def _where(self, node: yaml.Node) -> tuple[int, int]:
        if self.lines is not None:
            return self.lines.at(node.start_mark)
        return node.start_mark.line + 1, node.start_mark.column + 1

    def _nbsp(self, node: yaml.Node, path: KeyPath) -> bool:
        """A no-break space (copied from Word) where it changes what YAML reads: in a key, or in
        what would be a number or a ``key: value`` with a plain space. Named, with its place."""
        value = node.value
        if not isinstance(value, str) or "\u00a0" not in value or node.style:
            return False
        plain = value.replace("\u00a0", " ")
        numberish = re.fullmatch(r"[-+]?[\d ., ]+", plain.strip()) is not None
        if not (numberish or ": " in plain or plain != plain.strip() or self._is_key):
            return False
        line, col = self._where(node)
        if "\n" not in value and "\r" not in value:
            col += value.index("\u00a0")
        self.problems.append(Problem(self.shown, line, col, _dotted(path), msg("nbsp", line=line, col=col)))
        return True

    _is_key = False

    def _split_number(self, item: yaml.Node, after: yaml.Node) -> str | None:
        """``[0,5, 0,8, 1]``: two plain numbers with only a comma between them are one decimal number."""
        if self.lines is None or not all(isinstance(n, yaml.ScalarNode) and not n.style
                                         and n.tag.endswith((":int", ":float")) for n in (item, after)):
            return None
        if self.lines.text[item.end_mark.index:after.start_mark.index] != ",":
            return None
        written = self.lines.text[item.start_mark.index:after.end_mark.index]
        return msg("flow_comma_list", written=written, fixed=written.replace(",", "."))

    def _flow_comma(self, before: tuple[yaml.Node, yaml.Node] | None, key_node: yaml.Node) -> str | None:
        """``{value: 0,3}`` or ``{housing: 1.800,00}``: a number cut in two at its decimal comma."""
        if before is None or self.lines is None or not key_node.tag.endswith((":int", ":float")):
            return None
        prev = before[1]
        if not (isinstance(prev, yaml.ScalarNode) and prev.tag.endswith((":int", ":float")) and not prev.style):
            return None
        if re.match(r"[ \t]*:", self.lines.text[key_node.end_mark.index:]):
            return None  # {2019: 9000, 2022: 10500}: a year with its own value (a dated value, v3)
        written = self.lines.text[prev.start_mark.index:key_node.end_mark.index]
        if not re.fullmatch(r"-?[\d.]+,\s*\d+", written):
            return None
        number = written.replace(" ", "")
        if re.fullmatch(r"-?\d{1,3}(\.\d{3})+,\d+", number):
            number = number.replace(".", "")
        fixed = number.replace(",", ".")
        with contextlib.suppress(ValueError):
            x = float(fixed)
            fixed = str(int(x)) if x.is_integer() else repr(x)
        return msg("flow_comma", written=written, fixed=fixed)

    def walk(self, node: yaml.Node, path: KeyPath, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            line, col = self._where(node)
            raise _fail(
                self.shown, line, col,
                msg("too_many_nodes", limit=_n(MAX_NODES)),
            )
        if depth > MAX_DEPTH:
            line, col = self._where(node)
            raise _fail(self.shown, line, col, msg("yaml_too_deep"))
        if node.tag not in _SAFE_TAGS:
            line, col = self._where(node)
            self.problems.append(
                Problem(self.shown, line, col, _dotted(path), _bad_tag(node.tag))
            )
            return None
        if isinstance(node, yaml.MappingNode):
            out: dict[str | int, Any] = {}
            before: tuple[yaml.Node, yaml.Node] | None = None
            for key_node, value_node in node.value:
                line, col = self._where(key_node)
                if node.flow_style and (why := self._flow_comma(before, key_node)):
                    at = (*path, before[0].value) if before and isinstance(before[0].value, str) else path
                    self.problems.append(Problem(self.shown, *self._where(before[1]), _dotted(at), why))
                    before = None
                    continue
                before = (key_node, value_node)
                if _year_like(key_node):  # v3: a year of a dated value (MODEL.md §2.11); the model says where
                    key: str | int = int(key_node.value.replace("_", ""))
                elif not isinstance(key_node, yaml.ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                    self.problems.append(Problem(self.shown, line, col, _dotted(path), _bad_key(key_node)))
                    continue
                else:
                    key = key_node.value
                sub = (*path, key)
                self._is_key = True
                try:
                    if self._nbsp(key_node, sub):
                        continue
                finally:
                    self._is_key = False
                if key in out:
                    first = self.locs[sub]
                    self.problems.append(Problem(
                        self.shown, line, col, _dotted(sub),
                        msg("duplicate_key", line=first.line),
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
                if node.flow_style and i + 1 < len(node.value) and (why := self._split_number(item, node.value[i + 1])):
                    self.problems.append(Problem(self.shown, line, col, _dotted((*path, i)), why))  # [0,5, 0,8]
                raw = item.value if isinstance(item, yaml.ScalarNode) else None
                self.locs[(*path, i)] = Loc(self.shown, line, col, raw)
                items.append(self.walk(item, (*path, i), depth + 1))
            return items
        if isinstance(node, yaml.ScalarNode) and self._nbsp(node, path):
            return None
        if isinstance(node.value, str) and _SURROGATE.search(node.value):  # the pure-Python reader lets "\ud800" in
            line, col = self._where(node)
            esc = f"\\u{ord(_SURROGATE.search(node.value).group(0)):04x}"
            self.problems.append(Problem(self.shown, line, col, _dotted(path), msg("yaml_escape_surrogate", esc=esc)))
            return None
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


_SURROGATE = re.compile("[\ud800-\udfff]")
_FLOAT12 = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)[eE][-+]?[0-9]+")
_OCTAL = re.compile(r"[-+]?0[0-9_]+")


_HUGE_DIGITS = 100  # far beyond the limit of 10**12; Python refuses int() of 4,300+ digits


def _huge_number(raw: str) -> str | None:
    """A message for a number literal with absurdly many digits (never converted: int() of
    5,000 digits raises ValueError, a float of 400 digits is infinite)."""
    whole = raw.lstrip("+-").replace("_", "").split(".")[0]
    if len(whole) <= _HUGE_DIGITS or not whole.isdigit():
        return None
    return msg("huge_digits", digits=_n(len(whole.lstrip("0")) or 1))


def _odd_number(raw: str) -> str | None:
    """A message when YAML 1.1 reads a number in a notation nobody means in a scenario."""
    if ":" in raw:
        return msg("base60", raw=raw)
    lowered = raw.lower().lstrip("+-")
    if lowered.startswith(("0x", "0o", "0b")):
        return msg("hex", raw=raw)
    if _OCTAL.fullmatch(raw):
        return msg("octal", raw=raw)
    return None


def _year_like(node: yaml.Node) -> bool:
    """A key written as a plain whole number (``2022:``): a year of a dated value, read as an int."""
    return (isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:int" and not node.style
            and re.fullmatch(r"[0-9]{1,6}", node.value) is not None)


def _bad_tag(tag: str) -> str:
    short = tag.replace("tag:yaml.org,2002:", "!!")
    return msg("bad_tag", tag=short)


def _bad_key(node: yaml.Node) -> str:
    if node.tag == "tag:yaml.org,2002:merge":
        return msg("merge_key")
    if isinstance(node, yaml.SequenceNode):
        return msg("key_list")
    if isinstance(node, yaml.MappingNode):
        return msg("key_mapping")
    if node.tag.endswith(":bool"):
        return msg("key_bool", raw=repr(node.value))
    if node.tag.endswith(":null"):
        return msg("key_empty")
    return msg("key_number", raw=repr(short(node.value)))


def _dotted(path: KeyPath) -> str:
    return ".".join(str(p) for p in path)


dotted = _dotted
