"""The memo of ``aldlan report``: the document it is made of (:mod:`.document`), its content
(:mod:`.content`, with the sentences of :mod:`.sentences`) and its writers (:mod:`.docx`,
:mod:`.html`, picked by :mod:`.write`)."""
