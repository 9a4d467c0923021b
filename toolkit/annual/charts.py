"""Charts for the monitoring report: PNG bytes that depend only on the numbers.

Charts are drawn from *suppressed* tables (:class:`toolkit.annual.stats.Table`), never from raw
counts, so a chart cannot show what the table hides: a hidden value gets no bar, only
its label ("fewer than 5", "not shown"). Rates are drawn only where the table printed
both numbers.

Reproducible bytes: the Agg renderer on a private :class:`~matplotlib.figure.Figure`
(no pyplot state), fixed size and dpi, matplotlib's bundled DejaVu Sans, and no
``Software`` or time stamp in the PNG metadata.
"""

from __future__ import annotations

import io
from typing import Any
from collections.abc import Sequence

import matplotlib

matplotlib.use("Agg")

from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from toolkit.annual.stats import Table

DPI = 150
WIDTH_IN = 6.3  # fits an A4 page between 2 cm margins (160 mm)
# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies
PREVIOUS, CURRENT, MUTED = "#E69F00", "#0072B2", "#555555"
STYLE: dict[Any, Any] = {
    "font.family": "DejaVu Sans",
    "font.size": 8,
    "axes.titlesize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "svg.hashsalt": "casedocs",
}


def _png(figure: Figure) -> bytes:
    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def size_mm(png: bytes) -> tuple[float, float]:
    """A chart's size on the page at :data:`DPI` (from the PNG header)."""
    width = int.from_bytes(png[16:20], "big")
    height = int.from_bytes(png[20:24], "big")
    return (round(width / DPI * 25.4, 1), round(height / DPI * 25.4, 1))


def _legend_above(axes: Axes) -> None:
    """The years' key above the plot, right-aligned with it: inside, it hid the longest bars."""
    axes.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncol=2, frameon=False, fontsize=7)


def grouped_bars(table: Table, title: str, *, columns: Sequence[str] | None = None) -> bytes:
    """Horizontal bars, one group per row of ``table``, one bar per column (e.g. two years)."""
    columns = list(columns or table.columns)
    rows = table.rows
    height = 0.8 + 0.32 * len(rows) * max(1, len(columns)) ** 0.6
    colours = [PREVIOUS, CURRENT] if len(columns) == 2 else [CURRENT] * len(columns)
    with rc_context(STYLE):
        figure = Figure(figsize=(WIDTH_IN, height))
        axes = figure.add_subplot()
        bar = 0.8 / len(columns)
        shown = [c.value for row in table.cells for c in row if c.shown and c.value is not None]
        top = max(shown, default=0) or 1
        for k, column in enumerate(columns):
            j = table.columns.index(column)
            for i in range(len(rows)):
                y = i + (k - (len(columns) - 1) / 2) * bar
                cell = table.cells[i][j]
                if cell.shown:
                    axes.barh(y, cell.value or 0, height=bar * 0.9, color=colours[k], label=column if i == 0 else None)
                    axes.text((cell.value or 0) + top * 0.01, y, cell.text, va="center", fontsize=7)
                else:
                    axes.barh(y, 0, height=bar * 0.9, color=colours[k], label=column if i == 0 else None)
                    axes.text(top * 0.01, y, cell.text, va="center", fontsize=7, color=MUTED, style="italic")
        axes.set_yticks(range(len(rows)), labels=rows)
        axes.invert_yaxis()
        axes.set_xlim(0, top * 1.18)
        axes.set_title(title, loc="left")
        if len(columns) > 1:
            _legend_above(axes)
        figure.tight_layout()
        return _png(figure)


def rate_bars(labels: Sequence[str], series: dict[str, Sequence[float | None]], title: str) -> bytes:
    """Percentages (0-100) per label for each series; ``None`` is "none due".

    Used for Keniston's own promises, which are never suppressed (they are not about
    people), so a missing rate only ever means that nothing fell due that year.
    """
    names = list(series)
    colours = [PREVIOUS, CURRENT] if len(names) == 2 else [CURRENT] * len(names)
    height = 0.9 + 0.35 * len(labels) * max(1, len(names)) ** 0.6
    with rc_context(STYLE):
        figure = Figure(figsize=(WIDTH_IN, height))
        axes = figure.add_subplot()
        bar = 0.8 / max(1, len(names))
        for k, name in enumerate(names):
            for i, value in enumerate(series[name]):
                y = i + (k - (len(names) - 1) / 2) * bar
                axes.barh(y, value or 0, height=bar * 0.9, color=colours[k], label=name if i == 0 else None)
                text = f"{value:.0f}%" if value is not None else "none due"
                axes.text((value or 0) + 1, y, text, va="center", fontsize=7, color="black" if value is not None else MUTED)
        axes.set_yticks(range(len(labels)), labels=labels)
        axes.invert_yaxis()
        axes.set_xlim(0, 115)
        axes.set_xticks([0, 25, 50, 75, 100], labels=["0%", "25%", "50%", "75%", "100%"])
        axes.set_title(title, loc="left")
        if len(names) > 1:
            _legend_above(axes)
        figure.tight_layout()
        return _png(figure)
