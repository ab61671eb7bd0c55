"""Commands registered on the ``aldlan`` app (filled in by their capability)."""
