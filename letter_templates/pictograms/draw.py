"""Draw the Easy Read pictograms: one small, consistent set, made here (no outside images).

Each is a plain line drawing in Keniston teal on a pale round tile, thick strokes, no words,
the same size and weight, so a reader learns them once (Mencap's Easy Read guidance: one
picture beside each idea, the same picture for the same idea every time). Run this script to
draw them again after changing one; the .png files are what the templates embed.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.patches import Arc, Circle, FancyBboxPatch, Polygon, Rectangle, Wedge

TEAL, TILE, WHITE = "#005F73", "#DCEBEF", "#FFFFFF"
LINE = 7  # stroke width in points at the drawn size
HERE = Path(__file__).resolve().parent


def _canvas():  # type: ignore[no-untyped-def]
    figure = plt.figure(figsize=(1.2, 1.2), dpi=200)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, 100)
    axes.set_ylim(0, 100)
    axes.set_aspect("equal")
    axes.axis("off")
    axes.add_patch(Circle((50, 50), 49, color=TILE))
    return figure, axes


def _stroke(**extra):  # type: ignore[no-untyped-def]
    return {"fill": False, "edgecolor": TEAL, "linewidth": LINE, "joinstyle": "round", "capstyle": "round", **extra}


def _line(axes, xs, ys) -> None:  # type: ignore[no-untyped-def]
    axes.plot(xs, ys, color=TEAL, linewidth=LINE, solid_capstyle="round", solid_joinstyle="round")


def letter(a) -> None:  # type: ignore[no-untyped-def]
    a.add_patch(Rectangle((20, 30), 60, 40, **_stroke()))
    _line(a, [20, 50, 80], [70, 48, 70])


def calendar(a) -> None:  # type: ignore[no-untyped-def]
    a.add_patch(Rectangle((22, 22), 56, 52, **_stroke()))
    a.add_patch(Rectangle((22, 62), 56, 12, color=TEAL))
    for x in (35, 50, 65):
        for y in (32, 47):
            a.add_patch(Circle((x, y), 4, color=TEAL))


def phone(a) -> None:  # type: ignore[no-untyped-def]
    a.add_patch(FancyBboxPatch((35, 18), 30, 64, boxstyle="round,pad=0,rounding_size=6", **_stroke()))
    _line(a, [45, 55], [26, 26])


def person(a) -> None:  # type: ignore[no-untyped-def]
    a.add_patch(Circle((50, 64), 12, **_stroke()))
    a.add_patch(Wedge((50, 22), 26, 0, 180, **_stroke()))


def talk(a) -> None:  # type: ignore[no-untyped-def]
    a.add_patch(FancyBboxPatch((18, 40), 64, 36, boxstyle="round,pad=0,rounding_size=10", **_stroke()))
    a.add_patch(Polygon([(32, 42), (26, 24), (46, 42)], closed=False, **_stroke()))
    _line(a, [30, 70], [62, 62])
    _line(a, [30, 58], [52, 52])


def house(a) -> None:  # type: ignore[no-untyped-def]
    a.add_patch(Polygon([(22, 50), (50, 78), (78, 50)], closed=False, **_stroke()))
    a.add_patch(Rectangle((30, 22), 40, 30, **_stroke()))
    a.add_patch(Rectangle((45, 22), 10, 16, color=TEAL))


def lock(a) -> None:  # type: ignore[no-untyped-def]
    a.add_patch(Arc((50, 56), 28, 34, theta1=0, theta2=180, color=TEAL, linewidth=LINE))
    _line(a, [36, 36], [50, 56])
    _line(a, [64, 64], [50, 56])
    a.add_patch(FancyBboxPatch((28, 20), 44, 32, boxstyle="round,pad=0,rounding_size=4", color=TEAL))
    a.add_patch(Circle((50, 37), 5, color=WHITE))


def police(a) -> None:  # type: ignore[no-untyped-def]
    a.add_patch(Polygon([(50, 82), (76, 70), (72, 38), (50, 18), (28, 38), (24, 70)], **_stroke()))
    star = [(50, 66), (54, 55), (65, 55), (56, 48), (60, 37), (50, 44), (40, 37), (44, 48), (35, 55), (46, 55)]
    a.add_patch(Polygon(star, color=TEAL))


def danger(a) -> None:  # type: ignore[no-untyped-def]
    a.add_patch(Polygon([(50, 80), (80, 24), (20, 24)], **_stroke()))
    _line(a, [50, 50], [62, 44])
    a.add_patch(Circle((50, 33), 3.5, color=TEAL))


def pen(a) -> None:  # type: ignore[no-untyped-def]
    a.add_patch(Polygon([(30, 30), (66, 66), (74, 58), (38, 22)], **_stroke()))
    a.add_patch(Polygon([(30, 30), (38, 22), (24, 18)], color=TEAL))


def support(a) -> None:  # type: ignore[no-untyped-def]
    heart = [(50, 26), (24, 52), (24, 64), (32, 72), (42, 72), (50, 62), (58, 72), (68, 72), (76, 64), (76, 52)]
    a.add_patch(Polygon(heart, **_stroke()))


def share(a) -> None:  # type: ignore[no-untyped-def]
    for x in (26, 74):
        a.add_patch(Circle((x, 60), 9, **_stroke()))
        a.add_patch(Wedge((x, 30), 16, 0, 180, **_stroke()))
    _line(a, [40, 60], [45, 45])
    a.add_patch(Polygon([(60, 51), (68, 45), (60, 39)], color=TEAL))


def tick(a) -> None:  # type: ignore[no-untyped-def]
    a.add_patch(Rectangle((24, 24), 52, 52, **_stroke()))
    _line(a, [34, 46, 68], [50, 36, 66])


def no(a) -> None:  # type: ignore[no-untyped-def]
    a.add_patch(Circle((50, 50), 30, **_stroke()))
    _line(a, [29, 71], [29, 71])


def document(a) -> None:  # type: ignore[no-untyped-def]
    a.add_patch(Polygon([(28, 18), (72, 18), (72, 70), (60, 82), (28, 82)], **_stroke()))
    for y in (64, 52, 40, 28):
        _line(a, [38, 62], [y, y])


def clock(a) -> None:  # type: ignore[no-untyped-def]
    a.add_patch(Circle((50, 50), 30, **_stroke()))
    _line(a, [50, 50, 64], [70, 50, 42])


def camera(a) -> None:  # type: ignore[no-untyped-def]
    a.add_patch(FancyBboxPatch((18, 28), 64, 40, boxstyle="round,pad=0,rounding_size=6", **_stroke()))
    a.add_patch(Circle((50, 48), 12, **_stroke()))
    a.add_patch(Rectangle((36, 68), 16, 8, color=TEAL))


def interpreter(a) -> None:  # type: ignore[no-untyped-def]
    a.add_patch(FancyBboxPatch((14, 46), 42, 28, boxstyle="round,pad=0,rounding_size=8", **_stroke()))
    a.add_patch(FancyBboxPatch((44, 22), 42, 28, boxstyle="round,pad=0,rounding_size=8", color=TEAL))
    _line(a, [24, 46], [60, 60])


def free(a) -> None:  # type: ignore[no-untyped-def]
    a.text(50, 48, "£", color=TEAL, fontsize=40, ha="center", va="center", fontweight="bold")
    a.add_patch(Circle((50, 50), 30, **_stroke()))
    _line(a, [29, 71], [71, 29])


def court(a) -> None:  # type: ignore[no-untyped-def]
    """A court building: roof, three columns, steps (an injunction, a notice that can lead to court)."""
    a.add_patch(Polygon([(22, 62), (50, 80), (78, 62)], **_stroke()))
    for x in (32, 50, 68):
        _line(a, [x, x], [32, 56])
    _line(a, [22, 78], [26, 26])


PICTOGRAMS = {
    f.__name__: f
    for f in (letter, calendar, phone, person, talk, house, lock, police, danger, pen, support, share, tick, no,
              document, clock, camera, interpreter, free, court)
}


def main() -> None:
    for name, draw in PICTOGRAMS.items():
        figure, axes = _canvas()
        draw(axes)
        # fixed metadata: the same drawing gives the same bytes
        figure.savefig(HERE / f"{name}.png", dpi=200, metadata={"Software": None})
        plt.close(figure)


if __name__ == "__main__":
    main()
