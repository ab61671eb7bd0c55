"""What-if analysis on top of the engine: compare scenarios, solve for a goal, sweep a grid.

Every function here takes scenario documents (see :func:`aldlan_model.io.loader.read_document`)
and overrides, computes through the vectorised engine and returns plain data; reports are
built in :mod:`aldlan_model.tables`. Nothing here prints or exits.
"""
