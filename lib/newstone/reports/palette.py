"""Categorical colours that stay distinct however many categories there are.

The first eight are Okabe and Ito's palette, designed to be told apart with the common
forms of colour blindness; most articles quote fewer people than that and most reports
compare fewer groups. Beyond eight no palette can be safe for everyone, so the colours
only have to differ: the rest of matplotlib's tab20 (those not close to one already
taken), then hues spaced by the golden angle at alternating lightness, checked to be
distinct. Every use of colour for a category also names it (a legend, a label), so
colour is never the only cue.
"""

from __future__ import annotations

import colorsys
from functools import lru_cache

OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999")


TAB20 = (
    "#1f77b4", "#aec7e8", "#ff7f0e", "#ffbb78", "#2ca02c", "#98df8a", "#d62728", "#ff9896", "#9467bd", "#c5b0d5",
    "#8c564b", "#c49c94", "#e377c2", "#f7b6d2", "#7f7f7f", "#c7c7c7", "#bcbd22", "#dbdb8d", "#17becf", "#9edae5",
)  # fmt: skip


# Two colours closer than this (Euclidean, RGB 0..1) count as the same.
MIN_DISTANCE = 0.18


GOLDEN_ANGLE = 0.381966


def _rgb(colour: str) -> tuple[float, float, float]:
    return tuple(int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))


def _far_enough(colour: str, taken: list[str]) -> bool:
    r, g, b = _rgb(colour)
    return all(((r - x) ** 2 + (g - y) ** 2 + (b - z) ** 2) ** 0.5 >= MIN_DISTANCE for x, y, z in map(_rgb, taken))


@lru_cache(maxsize=8)
def categorical_colours(n: int) -> tuple[str, ...]:
    """``n`` distinct colours as hex strings: Okabe-Ito first, then more."""
    colours = list(OKABE_ITO[:n])
    for colour in TAB20:
        if len(colours) >= n:
            break
        if _far_enough(colour, colours):
            colours.append(colour)
    step = 0
    while len(colours) < n:
        hue = (step * GOLDEN_ANGLE) % 1.0
        lightness = (0.35, 0.55, 0.72)[step % 3]
        r, g, b = colorsys.hls_to_rgb(hue, lightness, 0.65)
        colour = f"#{round(r * 255):02x}{round(g * 255):02x}{round(b * 255):02x}"
        if colour not in colours and (_far_enough(colour, colours) or step > 50 * n):
            colours.append(colour)
        step += 1
    return tuple(colours)
