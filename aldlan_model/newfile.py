"""``aldlan new``: write a commented starting scenario, never over an existing file."""

from __future__ import annotations

import json
import os
from importlib import resources
from pathlib import Path

from aldlan_model.errors import AldlanError, one_line
from aldlan_model.fileio import write_output
from aldlan_model.loader import load_scenario


def template_text() -> str:
    return resources.files("aldlan_model").joinpath("templates/new.yaml").read_text("utf-8")


def _yaml_text(text: str) -> str:
    """A double-quoted YAML string: readable (ë stays ë), every non-printable character escaped."""
    return "".join(ch if ch.isprintable() else json.dumps(ch)[1:-1] for ch in json.dumps(text, ensure_ascii=False))


def extends_text(new: Path, base: Path, name: str) -> str:
    rel = os.path.relpath(os.path.abspath(base), os.path.dirname(os.path.abspath(new)))
    rel = rel.replace(os.sep, "/")
    return (
        "# yaml-language-server: $schema=scenario.schema.json\n"
        f"# Builds on {rel}: mappings merge key by key (this file wins), lists are replaced.\n"
        "# Uncomment and change what differs; check it with:  aldlan validate FILE\n"
        f"extends: {rel}\n"
        f"name: {_yaml_text(name + ' (variant)')}\n"
        "# period: {start: 2021}\n"
        "# participants:\n"
        "#   without_indication: {count: 30}\n"
        "# income: {subsidy: cover_deficit}\n"
    )


def write_new(path: Path, base: Path | None = None) -> Path:
    """Write a new scenario file (from the template, or extending ``base``)."""
    if base is not None:
        if os.path.splitext(str(base))[1].lower() not in (".yaml", ".yml"):
            raise AldlanError(f"--from {one_line(str(base))}: only .yaml/.yml scenario files can be extended")
        scenario = load_scenario(base)  # refuse to build on a broken scenario
        text = extends_text(path, base, scenario.name)
    else:
        text = template_text()
    if path.exists():
        raise AldlanError(f"{path} already exists; choose another name (aldlan new never overwrites)")
    written = write_output(path, text, force=False)
    load_scenario(written)  # what we write must validate as written
    return written
