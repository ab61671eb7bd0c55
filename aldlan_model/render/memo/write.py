"""The memo as the bytes (Word) or text (HTML) of its file: the writer picked by format."""

from __future__ import annotations

from aldlan_model.render.memo.document import Memo


def render_memo(memo: Memo, fmt: str) -> bytes | str:
    """``memo`` as a Word document (``docx``: bytes) or one HTML page (``html``: text)."""
    if fmt == "docx":
        from aldlan_model.render.memo.docx import render

        return render(memo)
    if fmt == "html":
        from aldlan_model.render.memo.html import render as render_html

        return render_html(memo)
    raise ValueError(f"unknown memo format {fmt!r}")
