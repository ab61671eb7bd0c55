"""The one font family of every document: Word (``docx.py``), Excel and the charts.

Word and Excel name the font and the reader's office package substitutes a metric-compatible
one where it lacks it (LibreOffice uses Carlito for Calibri, Debian package
``fonts-crosextra-carlito``). matplotlib draws the glyphs itself, so :func:`chart_families`
names the families that are installed, in order of preference, and always ends with DejaVu
Sans, which matplotlib ships: a fresh machine draws the chart, in a different face.
"""

from __future__ import annotations

import os
import sys

DOC_FONT = "Calibri"
"""The Word documents' font (docx.py sets it on the Normal style); Excel cells use it too."""

CHART_PREFERENCE = (DOC_FONT, "Carlito", "Liberation Sans", "Arial", "DejaVu Sans")
"""Calibri, else its metric-compatible twin Carlito, else a plain sans-serif."""


def _can_create(folder: str) -> bool:
    """Whether ``folder`` is, or can be made, a writable folder."""
    path = os.path.abspath(folder)
    while not os.path.exists(path):
        parent = os.path.dirname(path)
        if parent == path:
            return False
        path = parent
    return os.path.isdir(path) and os.access(path, os.W_OK | os.X_OK)


def quiet_config() -> None:
    """Before matplotlib is imported: with a read-only (or missing) home, point ``MPLCONFIGDIR`` at a
    private temporary folder (removed at exit), so matplotlib prints no warnings with paths."""
    if "matplotlib" in sys.modules or os.environ.get("MPLCONFIGDIR"):
        return
    home = os.path.expanduser("~")
    config = os.environ.get("XDG_CONFIG_HOME") or os.path.join(home, ".config")
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(home, ".cache")
    if _can_create(os.path.join(config, "matplotlib")) and _can_create(os.path.join(cache, "matplotlib")):
        return
    import atexit
    import shutil
    import tempfile

    folder = tempfile.mkdtemp(prefix="aldlan-mpl-")
    atexit.register(shutil.rmtree, folder, True)
    os.environ["MPLCONFIGDIR"] = folder


def chart_families() -> list[str]:
    """The families of :data:`CHART_PREFERENCE` that matplotlib finds, DejaVu Sans last (bundled)."""
    quiet_config()
    from matplotlib import font_manager

    manager = font_manager.fontManager
    installed = {f.name for f in manager.ttflist}
    if not installed & set(CHART_PREFERENCE[:2]):  # installed after matplotlib built its font cache?
        for path in font_manager.findSystemFonts():
            if any(word in path.lower() for word in ("calibri", "carlito")):
                try:
                    manager.addfont(path)
                except (OSError, RuntimeError, ValueError):  # an unreadable font file: leave it out
                    continue
        installed = {f.name for f in manager.ttflist}
    found = [name for name in CHART_PREFERENCE if name in installed]
    return found if "DejaVu Sans" in found else [*found, "DejaVu Sans"]


def chart_rc() -> dict[str, object]:
    """matplotlib rcParams for one figure (``with matplotlib.rc_context(chart_rc()):``): the document
    font, real text in SVG (searchable, editable) and embedded TrueType in PDF."""
    return {"font.family": "sans-serif", "font.sans-serif": chart_families(), "svg.fonttype": "none",
            "pdf.fonttype": 42}
