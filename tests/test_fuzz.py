"""Fuzzing: mutated shipped scenarios never crash ``aldlan`` and every error names FILE:LINE.

Each example mutates one of ``scenarios/*.yaml`` (in a copy of the whole folder, since the
staffing models ``extends: base.yaml``), either as data (keys deleted, renamed or added,
values replaced by wrong types and extreme numbers) or as text (truncated, broken
indentation, tabs, CRLF, BOM, invalid UTF-8, UTF-16, YAML tags, anchors, merge keys, a second
document, an alias bomb, random bytes). For every example, ``aldlan validate`` and
``aldlan run --format json``:

- exit with 0 or 2, never raise, never print a traceback;
- on exit 2, print only error lines that name ``FILE.yaml:LINE``;
- on exit 0, print JSON without NaN or Infinity (every number finite);
- change no file.

Examples are bounded (``max_examples``, no deadline) so the suite stays well under a minute;
``ALDLAN_FUZZ_EXAMPLES=5000`` runs a longer hunt locally.
"""

from __future__ import annotations

import copy
import json
import math
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, currently_in_test_context, event, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from aldlan_model.cli.app import app
from aldlan_model.model import keys
from tests.conftest import digest

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"
SHIPPED = sorted(p.name for p in SCENARIOS.glob("*.yaml"))
TEXTS = {name: (SCENARIOS / name).read_text(encoding="utf-8") for name in SHIPPED}
DATA = {name: yaml.safe_load(text) for name, text in TEXTS.items()}

EXAMPLES = int(os.environ.get("ALDLAN_FUZZ_EXAMPLES", "150"))  # raise it for a long local hunt
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)

# error lines: `aldlan validate` prints "✗ FILE" then "  FILE:LINE[:COL]: …"; `aldlan run` prints "fout: FILE:LINE…"
VALIDATE_LINE = re.compile(r"^(✗ .+|  .+?\.yaml:\d+(:\d+)?: .+)$")
RUN_LINE = re.compile(r"^fout: .+?\.yaml:\d+(:\d+)?: .+$")

runner = CliRunner()


pytestmark = pytest.mark.usefixtures("fast_cli")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the shipped scenarios; the fuzzed file is written next to base.yaml."""
    target = tmp_path_factory.mktemp("fuzz")
    for name in SHIPPED:
        shutil.copy(SCENARIOS / name, target / name)
    return target


def _no_constant(name: str) -> Any:
    raise AssertionError(f"JSON output contains {name}")


def _all_finite(value: Any) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(_all_finite(v) for v in value.values())
    if isinstance(value, list):
        return all(_all_finite(v) for v in value)
    return True


def check_cli(path: Path) -> None:
    """The properties every input file must have, for both commands."""
    before = digest(path.parent)
    for args, pattern in ((["validate", str(path)], VALIDATE_LINE), (["run", str(path), "--format", "json"], RUN_LINE)):
        result = runner.invoke(app, args)
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        assert result.exit_code in (0, 2), (args, result.exit_code, result.output)
        assert "Traceback" not in result.output
        if currently_in_test_context():  # --hypothesis-show-statistics shows the mix of exit codes
            event(f"{args[0]} exit {result.exit_code}")
        if result.exit_code == 2:
            lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
            assert lines, result.output
            bad = [ln for ln in lines if not pattern.match(ln)]
            assert not bad, bad
        elif args[0] == "run":
            data = json.loads(result.stdout, parse_constant=_no_constant)
            assert _all_finite(data), "a number in the JSON is not finite"
            table = runner.invoke(app, ["run", str(path)])  # the terminal table of the same file
            assert table.exit_code == 0 and table.exception is None, table.output
            assert "NaN" not in table.stdout
    assert digest(path.parent) == before, "a file was changed"


# --- values a scenario should never contain -------------------------------------------------

EXTREME = st.sampled_from([
    0, -1, -0.0, 0.5, 1, 1.5, 14, 15, 53, 54, 168, 169, 1899, 2201, 10_001, 1e7, 1e7 + 1,
    1e12, 1e12 + 1, 1e-9, 9e-10, 1e-320, 5e-324, 1e308, -1e308, 10**30, -(10**30), 2**64,
    float("inf"), float("-inf"), float("nan"),
])
WORDS = st.sampled_from([
    "cover_deficit", "cover_defecit", "professional", "profesional", "volunteer", "base.yaml",
    "fuzz.yaml", "missing.yaml", ".", "..", "/etc/passwd", "../scenarios/base.yaml", "2019-01-01",
    "yes", "010", "1:30", "0x10", "1e6", "", " ", "[/red]", "~", "\x85", "€ 3.600.000",
])
SCALARS = st.one_of(
    EXTREME, WORDS, st.integers(), st.floats(), st.booleans(), st.none(),
    st.text(max_size=40), st.text(min_size=2000, max_size=3000, alphabet="ab€\u202e\n"),
)
VALUES = st.one_of(
    SCALARS,
    st.lists(SCALARS, max_size=3),
    st.dictionaries(st.sampled_from(["value", "low", "mode", "high", "source", "x"]), SCALARS, max_size=4),
    st.dictionaries(st.one_of(st.text(max_size=8), st.integers()), SCALARS, max_size=3),
)
NUMBERS = st.one_of(
    st.floats(min_value=0, max_value=1e12), st.integers(min_value=0, max_value=10**13), EXTREME,
)


def _paths(data: Any, prefix: tuple = ()) -> list[tuple]:
    """Every key path in nested data (the root excluded)."""
    out = []
    if isinstance(data, dict):
        items = data.items()
    elif isinstance(data, list):
        items = enumerate(data)
    else:
        return out
    for k, v in items:
        out.append((*prefix, k))
        out.extend(_paths(v, (*prefix, k)))
    return out


def _parent(data: Any, path: tuple) -> Any:
    for p in path[:-1]:
        data = data[p]
    return data


@st.composite
def mutated_data(draw: st.DrawFn) -> str:
    """A shipped scenario with 1–3 data mutations, dumped as YAML."""
    name = draw(st.sampled_from(SHIPPED))
    data = copy.deepcopy(DATA[name])
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(data)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = _parent(data, path)
        op = draw(st.sampled_from(["delete", "replace", "number", "rename", "add", "extends"]))
        if op == "delete":
            del parent[path[-1]]
        elif op == "replace":
            parent[path[-1]] = draw(VALUES)
        elif op == "number":  # a plausible-looking number: many of these pass validation
            parent[path[-1]] = draw(NUMBERS)
        elif op == "rename" and isinstance(parent, dict):
            value = parent.pop(path[-1])
            parent[draw(st.one_of(st.text(max_size=12), st.sampled_from(["housng", "Name", "extends", "1"])))] = value
        elif op == "add" and isinstance(parent, dict):
            parent[draw(st.text(max_size=12))] = draw(VALUES)
        elif op == "extends":
            data["extends"] = draw(st.one_of(WORDS, SCALARS))
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)


BOMB = (
    'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n'
    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
    "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
)
SNIPPETS = st.sampled_from([
    "x: !!python/object:os.system {}", "x: !!binary aGVsbG8=", "x: !custom 3", "x: !!str 3",
    "defaults: &d {count: 3}", "<<: *d", "  <<: {count: 3}", "y: *nowhere", "---", "...", "%YAML 1.1",
    "name: again", "extends: base.yaml", "extends: fuzz.yaml", "[", "{", "? [a, b]\n: 1", "\t- 1",
    "- list item", "'unclosed", "ramp_up: []", "staff: {role: x}", "1: 2", "~: 3", "yes: no", BOMB,
])


@st.composite
def mutated_text(draw: st.DrawFn) -> bytes:
    """A shipped scenario's text (or a data-mutated one) with 1–3 text or byte mutations."""
    text = draw(st.one_of(st.sampled_from(list(TEXTS.values())), mutated_data()))
    lines = text.split("\n")
    raw: bytes | None = None
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, max(len(lines) - 1, 0)))
        op = draw(st.sampled_from([
            "truncate", "delete", "duplicate", "tab", "indent", "dedent", "snippet", "tag", "crlf",
            "bom", "bytes", "utf16", "badutf8", "long",
        ]))
        if op == "truncate":
            lines = "\n".join(lines)[: draw(st.integers(0, max(len(text), 1)))].split("\n")
        elif op == "delete" and lines:
            del lines[i]
        elif op == "duplicate" and lines:
            lines.insert(i, lines[i])
        elif op == "tab" and lines:
            lines[i] = "\t" + lines[i]
        elif op == "indent" and lines:
            lines[i] = " " + lines[i]
        elif op == "dedent" and lines:
            lines[i] = lines[i][1:]
        elif op == "snippet":
            lines.insert(i, draw(SNIPPETS))
        elif op == "tag" and lines and ":" in lines[i]:
            key, _, value = lines[i].partition(":")
            tag = draw(st.sampled_from(["!!python/object/apply:os.system", "!!binary", "!x", "&a"]))
            lines[i] = f"{key}: {tag}{value}"
        elif op == "crlf":
            lines = [ln + "\r" for ln in lines]
        elif op == "long" and lines:
            lines[i] += "x" * draw(st.sampled_from([10_000, 200_000]))
        elif op in ("bom", "bytes", "utf16", "badutf8"):
            raw = raw or "\n".join(lines).encode("utf-8")
            if op == "bom":
                raw = b"\xef\xbb\xbf" + raw
            elif op == "bytes":
                at = draw(st.integers(0, len(raw)))
                raw = raw[:at] + draw(st.binary(min_size=1, max_size=8)) + raw[at:]
            elif op == "utf16":
                raw = raw.decode("utf-8", "replace").encode("utf-16")
            else:
                at = draw(st.integers(0, len(raw)))
                raw = raw[:at] + draw(st.sampled_from([b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\x00"])) + raw[at:]
    return raw if raw is not None else "\n".join(lines).encode("utf-8")


@FUZZ
@given(text=mutated_data())
def test_data_mutations_never_crash(folder: Path, text: str) -> None:
    path = folder / "fuzz.yaml"
    path.write_text(text, encoding="utf-8")
    check_cli(path)


@FUZZ
@given(raw=mutated_text())
def test_text_mutations_never_crash(folder: Path, raw: bytes) -> None:
    path = folder / "fuzz.yaml"
    path.write_bytes(raw)
    check_cli(path)


@settings(max_examples=max(EXAMPLES * 2 // 3, 1), deadline=None)
@given(raw=st.binary(max_size=400))
def test_random_bytes_never_crash(folder: Path, raw: bytes) -> None:
    path = folder / "fuzz.yaml"
    path.write_bytes(raw)
    check_cli(path)


SET_LINE = re.compile(r"^fout: (--set .+|.+?\.yaml:\d+(:\d+)?): .+$")


@FUZZ
@given(
    path=st.one_of(st.sampled_from(keys.all_paths()), st.text(max_size=20)),
    index=st.integers(0, 3),
    value=st.one_of(SCALARS.map(lambda v: yaml.safe_dump(v, default_flow_style=True).removesuffix("\n...\n")),
                    st.text(max_size=30), SNIPPETS),
)
def test_set_values_never_crash(folder: Path, path: str, index: int, value: str) -> None:
    """``--set PATH=VALUE`` with any path and any value: exit 0 or 2, errors name --set or FILE:LINE."""
    setting = f"{path.replace('.N', f'.{index}')}={value}"
    before = digest(folder)
    result = runner.invoke(app, ["run", str(folder / "aldlan-mix.yaml"), "--format", "json", "--set", setting])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 2), result.output
    if result.exit_code == 2:
        lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
        assert lines and all(SET_LINE.match(ln) for ln in lines), lines
    else:
        assert _all_finite(json.loads(result.stdout, parse_constant=_no_constant))
    assert digest(folder) == before


def test_shipped_scenarios_pass_the_same_checks(folder: Path) -> None:
    """The properties hold (with exit 0) for the unmodified files too: the checks are not vacuous."""
    for name in SHIPPED:
        path = folder / name
        assert runner.invoke(app, ["validate", str(path)]).exit_code == 0
        check_cli(path)
