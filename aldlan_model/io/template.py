"""``aldlan new``: write a commented starting scenario, never over an existing file."""

from __future__ import annotations

import json
import os
from importlib import resources
from pathlib import Path

from aldlan_model.i18n.messages import current, msg
from aldlan_model.io.fileio import exists, write_output
from aldlan_model.io.loader import load_scenario
from aldlan_model.model.errors import AldlanError, one_line


def template_text() -> str:
    name = "templates/new.en.yaml" if current() == "en" else "templates/new.yaml"
    return resources.files("aldlan_model").joinpath(name).read_text("utf-8")


def _yaml_text(text: str) -> str:
    """A double-quoted YAML string: readable (ë stays ë), every non-printable character escaped."""
    return "".join(ch if ch.isprintable() else json.dumps(ch)[1:-1] for ch in json.dumps(text, ensure_ascii=False))


def _scalar(text: str) -> str:
    """A YAML scalar that reads back as ``text`` (quoted when it holds ``#``, ``: ``, quotes …)."""
    import yaml

    return yaml.safe_dump(text, allow_unicode=True, default_flow_style=True, width=10_000).splitlines()[0]


def extends_text(new: Path, base: Path, name: str) -> str:
    rel = os.path.relpath(os.path.abspath(base), os.path.dirname(os.path.abspath(new)))
    rel = rel.replace(os.sep, "/")
    return (
        "# yaml-language-server: $schema=scenario.schema.json\n"
        + msg("new_builds_on", rel=one_line(rel)) + "\n"
        + msg("new_uncomment") + "\n"
        f"extends: {_scalar(rel)}\n"
        f"name: {_yaml_text(name + ' (' + msg('new_variant') + ')')}\n"
        "# period: {start: 2021}\n"
        "# participants:\n"
        "#   without_indication: {count: 30}\n"
        "# income: {subsidy: cover_deficit}\n"
    )


def write_new(path: Path, base: Path | None = None) -> Path:
    """Write a new scenario file (from the template, or extending ``base``)."""
    if base is not None:
        if os.path.splitext(str(base))[1].lower() not in (".yaml", ".yml"):
            raise AldlanError(msg("new_from_not_yaml", name=one_line(str(base))))
        scenario = load_scenario(base)  # refuse to build on a broken scenario
        text = extends_text(path, base, scenario.name)
    else:
        text = template_text()
    if exists(path):
        raise AldlanError(msg("new_exists", path=one_line(str(path))))
    written = write_output(path, text, force=False)
    load_scenario(written)  # what we write must validate as written
    return written
