"""Reproducible draws of the ranged inputs of a scenario.

Every ranged input ``{low, high}`` is drawn uniform, ``{low, mode, high}`` triangular, by
inverting the distribution function of one uniform number per draw. The uniform numbers
come from NumPy's PCG64 generator, seeded per *block* of :data:`BLOCK` draws and per input
path: block ``b`` of input ``path`` uses ``SeedSequence(seed, spawn_key=(b, crc32(path)))``.
So draw ``i`` of an input depends only on the seed, the input's path and ``i``: not on how
many draws a run makes, how they are chunked for processing, which other inputs are ranged
or the machine. Two scenarios run with the same seed share their draws for the inputs they
have in common (common random numbers), so their difference is not blurred by chance.

Whole-number inputs (:data:`WHOLE_NUMBER_PATHS`: ``locations``, ``period.start`` and
``target.year``) are rounded to the nearest whole number, halves up, after drawing.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

import numpy as np

from aldlan_model.engine.params import flatten
from aldlan_model.model.numbers import Num
from aldlan_model.model.scenario import Scenario

BLOCK = 65_536
"""Draws per seeded block: a constant of the draw scheme, not a processing chunk size."""

WHOLE_NUMBER_PATHS = frozenset({"locations", "period.start", "target.year"})
"""Inputs that only make sense as whole numbers: drawn values are rounded (halves up)."""


@dataclass(frozen=True)
class Spec:
    """One uncertain input: its path, distribution and range."""

    path: str
    distribution: str  # 'uniform' or 'triangular'
    low: float
    high: float
    mode: float | None = None
    point: float = 0.0
    whole: bool = False
    room: str | None = None  # a plan's room whose own input this is (None: shared by every room)
    parameter: str | None = None  # the parameter path when ``path`` is a room's draw key

    @property
    def param(self) -> str:
        """The parameter path (``costs.housing``), also for a room's own input."""
        return self.parameter or self.path

    @classmethod
    def of(cls, path: str, num: Num) -> Spec:
        return cls(path, num.distribution or "uniform", float(num.low), float(num.high),
                   None if num.mode is None else float(num.mode), float(num.point),
                   path in WHOLE_NUMBER_PATHS)

    @property
    def mean(self) -> float:
        """The distribution's mean (before any rounding to whole numbers)."""
        if self.mode is None:
            return (self.low + self.high) / 2
        return (self.low + self.mode + self.high) / 3

    def from_uniform(self, u: np.ndarray) -> np.ndarray:
        """Map uniform numbers in [0, 1) onto this input's distribution (inverse CDF)."""
        lo, hi = self.low, self.high
        width = hi - lo
        if self.mode is None:
            x = lo + width * u
        else:  # F(x) = (x-lo)²/(width·(mode-lo)) left of the mode, 1 - (hi-x)²/(width·(hi-mode)) right of it
            left = u < (self.mode - lo) / width
            root = np.sqrt(np.where(left, u * (width * (self.mode - lo)), (1.0 - u) * (width * (hi - self.mode))))
            x = np.where(left, lo + root, hi - root)
        if self.whole:
            x = np.floor(x + 0.5)
        return np.clip(x, lo, hi, out=x)


def specs(scenario: Scenario) -> list[Spec]:
    """The uncertain inputs of ``scenario``, in the order of the parameter table."""
    return [Spec.of(path, num) for path, num in flatten(scenario).items() if num.is_range]


def _stream(seed: int, path: str, block: int, offset: int) -> np.random.Generator:
    """The generator of ``path`` in ``block``, moved on past its first ``offset`` draws."""
    bits = np.random.PCG64(np.random.SeedSequence(seed, spawn_key=(block, zlib.crc32(path.encode("utf-8")))))
    bits.advance(offset)  # one 64-bit output per uniform double, so this skips `offset` draws
    return np.random.Generator(bits)


def uniforms(seed: int, path: str, start: int, stop: int) -> np.ndarray:
    """The uniform numbers in [0, 1) of draws ``start`` … ``stop - 1`` of input ``path``."""
    out = np.empty(stop - start)
    pos = start
    while pos < stop:
        block, offset = divmod(pos, BLOCK)
        end = min(stop, (block + 1) * BLOCK)
        _stream(seed, path, block, offset).random(out=out[pos - start:end - start])
        pos = end
    return out


def stream_path(path: str) -> str:
    """The input whose uniform numbers a draw key uses: a dated input's keys (``costs.housing@2022``)
    share the input's (``costs.housing``), so every year's range is drawn at the same quantile (§3.9)."""
    return path.partition("@")[0]


def draw(items: list[Spec], seed: int, start: int, stop: int) -> dict[str, np.ndarray]:
    """Draws ``start`` … ``stop - 1`` of every input in ``items``: ``path -> values``.

    One uniform number per input per draw; a dated input (v3) maps it through each key's distribution."""
    shared: dict[str, np.ndarray] = {}
    out = {}
    for s in items:
        key = stream_path(s.path)
        if key not in shared:
            shared[key] = uniforms(seed, key, start, stop)
        out[s.path] = s.from_uniform(shared[key])  # from_uniform never writes into its argument
    return out
