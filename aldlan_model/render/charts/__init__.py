"""Charts for letters, memos and the uncertainty commands (matplotlib, imported lazily): the shared
frame in :mod:`.base`, the kinds in :mod:`.results`, :mod:`.flows` and :mod:`.uncertainty`, the
choice by kind in :mod:`.draw`."""
