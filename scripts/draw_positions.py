"""Draw the start and end position of every exercise as a simple stick figure.

    .venv/bin/python scripts/draw_positions.py

Writes static/guidance/illustrations/positions/<slug>-start.svg and <slug>-end.svg for every
exercise in guidance/exercise_positions.py, whose sentences become each file's <title> (the
page's alt text says both positions from the same sentences). The output is deterministic, so a
changed pose shows as a diff of the two files it changes.

A pose is the joints of a side-on figure facing left, in the 200 x 120 box of the other
illustrations, floor at y = 112: "a" limbs are the near side (drawn dark, on top), "b" the far
side (drawn paler, behind). A pose names only the joints that differ from its base.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from guidance.exercise_positions import FOLDER, POSITIONS  # noqa: E402

OUT = ROOT / "static" / FOLDER
INK, FAR, PROP, FLOOR = "#0b5d4b", "#6fa595", "#4a5560", "#c9d2cf"


def pose(base: dict | None = None, **joints) -> dict:
    """A pose from a base; `knee=` and the like set both sides' joint at once."""
    result = dict(base or {})
    for name, value in joints.items():
        if name in ("knee", "foot", "elbow", "hand"):
            result[f"{name}_a"] = result[f"{name}_b"] = value
        else:
            result[name] = value
    return result


# Bases ----------------------------------------------------------------------------------------
LIMBS = dict(elbow=(72, 109), hand=(90, 109))
SUPINE = pose(head=(40, 102), shoulder=(54, 108), hip=(100, 108), knee=(122, 86), foot=(142, 109))
SUPINE.update(pose(**LIMBS))
SUPINE_STRAIGHT_B = pose(SUPINE, knee_b=(124, 108), foot_b=(148, 109))
PRONE = pose(SUPINE, head=(40, 101), knee=(128, 109), foot=(154, 109))
PRONE_HANDS = pose(PRONE, elbow=(70, 100), hand=(62, 108))
QUAD = pose(
    head=(56, 64), shoulder=(68, 72), hip=(124, 80), knee=(124, 108), foot=(152, 109),
    elbow=(68, 90), hand=(68, 108),
)
STAND = pose(
    head=(100, 20), shoulder=(100, 34), hip=(100, 66), knee=(100, 88), foot=(100, 110),
    elbow=(97, 50), hand=(95, 66),
)
WALK = pose(
    STAND, knee_a=(92, 88), foot_a=(84, 110), knee_b=(106, 88), foot_b=(117, 110),
    elbow_a=(106, 50), hand_a=(111, 63), elbow_b=(94, 50), hand_b=(89, 63),
)
BRISK = pose(
    WALK, knee_a=(88, 87), foot_a=(78, 110), knee_b=(108, 88), foot_b=(122, 110),
    elbow_a=(110, 48), hand_a=(118, 58), elbow_b=(90, 48), hand_b=(80, 56),
)
HINGE = pose(
    head=(70, 38), shoulder=(82, 46), hip=(114, 66), knee=(106, 88), foot=(108, 110),
    elbow=(82, 64), hand=(84, 82),
)
LIFT_START = pose(
    head=(76, 50), shoulder=(88, 56), hip=(122, 76), knee=(102, 90), foot=(110, 110),
    elbow=(91, 75), hand=(94, 94),
)
SIDE_LYING = pose(
    head=(36, 96), shoulder=(52, 102), hip=(104, 104), knee_a=(130, 104), foot_a=(152, 106),
    knee_b=(130, 108), foot_b=(152, 109), elbow_a=(30, 108), hand_a=(40, 100),
    elbow_b=(30, 108), hand_b=(40, 100),
)
ON_FOREARM = pose(
    head=(44, 78), shoulder=(54, 88), hip=(104, 106), knee=(130, 108), foot=(156, 109),
    elbow_b=(54, 108), hand_b=(34, 108), elbow_a=(70, 96), hand_a=(86, 102),
)
TABLETOP = pose(SUPINE, knee=(100, 84), foot=(124, 84), elbow=(56, 90), hand=(56, 72))
BRIDGE = pose(SUPINE, hip=(100, 88), knee=(126, 76))


# Props ----------------------------------------------------------------------------------------
def line(a, b, width=3, colour=PROP, dash=""):
    extra = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<path d="M{a[0]} {a[1]} L{b[0]} {b[1]}" stroke="{colour}" stroke-width="{width}" '
        f'stroke-linecap="round"{extra}/>'
    )


def ball(x, y, r):
    return f'<circle cx="{x}" cy="{y}" r="{r}" fill="#e3ecea" stroke="{PROP}" stroke-width="2"/>'


def arrow(a, b):
    """A short arrow from a to b showing the movement."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = max((dx * dx + dy * dy) ** 0.5, 1)
    ux, uy = dx / length, dy / length
    left = (round(b[0] - 6 * ux + 4 * uy, 1), round(b[1] - 6 * uy - 4 * ux, 1))
    right = (round(b[0] - 6 * ux - 4 * uy, 1), round(b[1] - 6 * uy + 4 * ux, 1))
    return (
        line(a, b, 2, "#b35c00")
        + f'<path d="M{left[0]} {left[1]} L{b[0]} {b[1]} L{right[0]} {right[1]}" '
        f'stroke="#b35c00" stroke-width="2" fill="none" stroke-linejoin="round"/>'
    )


def chair(x):
    return line((x, 80), (x + 30, 80), 4) + line((x + 2, 80), (x + 2, 111)) + line(
        (x + 28, 80), (x + 28, 111)
    ) + line((x + 28, 80), (x + 28, 52))


def step(x, top=86):
    return (
        f'<rect x="{x}" y="{top}" width="34" height="{112 - top}" fill="#e3ecea" '
        f'stroke="{PROP}" stroke-width="2"/>'
    )


def kettlebell(x, y):
    return (
        f'<circle cx="{x}" cy="{y}" r="7" fill="{PROP}"/>'
        f'<path d="M{x - 5} {y - 5} Q{x} {y - 16} {x + 5} {y - 5}" stroke="{PROP}" '
        f'stroke-width="3" fill="none"/>'
    )


def plate(x, y, r=13):
    return f'<circle cx="{x}" cy="{y}" r="{r}" fill="none" stroke="{PROP}" stroke-width="4"/>' + (
        f'<circle cx="{x}" cy="{y}" r="2.5" fill="{PROP}"/>'
    )


def stick_end(x, y):
    return f'<circle cx="{x}" cy="{y}" r="3" fill="{PROP}"/>'


def dowel_along_back(p: dict):
    """A stick touching the head, upper back and base of the spine, just behind them."""
    (hx, hy), (sx, sy) = p["hip"], p["shoulder"]
    dx, dy = sx - hx, sy - hy
    length = (dx * dx + dy * dy) ** 0.5
    nx, ny = -dy / length * 6, dx / length * 6  # the back side of a figure facing left
    if ny > 0:
        nx, ny = -nx, -ny
    top = (round(hx + dx * 1.55 + nx, 1), round(hy + dy * 1.55 + ny, 1))
    bottom = (round(hx - dx * 0.1 + nx, 1), round(hy - dy * 0.1 + ny, 1))
    return line(bottom, top, 3)


def band_between(a, b):
    return line(a, b, 3, "#b35c00")


def towel(p):
    return line(p["hand_a"], p["foot_a"], 2, PROP, "3 2")


# Exercises ------------------------------------------------------------------------------------
CLAMSHELL_END = pose(SIDE_LYING, knee_a=(124, 80), foot_a=(150, 104))
PRESS_FOREARMS = pose(
    PRONE, head=(44, 78), shoulder=(58, 88), elbow=(58, 108), hand=(38, 108), hip=(104, 108)
)
SIT = pose(
    head=(112, 32), shoulder=(112, 45), hip=(112, 78), knee=(88, 78), foot=(88, 110),
    elbow=(106, 62), hand=(90, 72),
)
HALF_KNEEL = pose(
    head=(112, 38), shoulder=(112, 52), hip=(112, 84), knee_a=(88, 84), foot_a=(88, 110),
    knee_b=(120, 108), foot_b=(146, 109), elbow=(122, 66), hand=(114, 80),
)
STEP_STAND = pose(
    STAND, head=(88, 20), shoulder=(88, 34), hip=(88, 66), knee_b=(88, 88), foot_b=(88, 110),
    knee_a=(112, 60), foot_a=(124, 86), elbow=(92, 50), hand=(100, 62),
)
WALL = line((160, 4), (160, 112), 4)

FIGURES = {
    "bottom-to-heels": (
        (QUAD, []),
        (
            pose(
                head=(80, 102), shoulder=(94, 98), hip=(138, 90), knee=(116, 108),
                foot=(150, 109), elbow=(70, 106), hand=(48, 108),
            ),
            [],
        ),
    ),
    "cat-camel": ((pose(QUAD, bend=-12), []), (pose(QUAD, bend=8), [])),
    "clamshell": ((SIDE_LYING, []), (CLAMSHELL_END, [])),
    "clamshell-band": (
        (SIDE_LYING, [lambda p: band_between((118, 102), (118, 108))]),
        (CLAMSHELL_END, [lambda p: band_between((114, 92), (118, 108))]),
    ),
    "deep-abdominal-bracing": ((SUPINE, []), (SUPINE, [lambda p: arrow((78, 84), (78, 100))])),
    "double-knee-to-chest": (
        (SUPINE, []),
        (pose(SUPINE, knee=(84, 80), foot=(106, 76), elbow=(68, 94), hand=(84, 82)), []),
    ),
    "bird-dog-arm-lift": ((QUAD, []), (pose(QUAD, elbow_a=(48, 70), hand_a=(30, 68)), [])),
    "glute-bridge": ((SUPINE, []), (BRIDGE, [])),
    "hip-flexor-stretch": (
        (HALF_KNEEL, []),
        (
            pose(
                HALF_KNEEL, head=(102, 40), shoulder=(102, 54), hip=(102, 86),
                knee_a=(78, 84), foot_a=(82, 110), elbow=(112, 68), hand=(104, 82),
            ),
            [lambda p: arrow((118, 96), (106, 96))],
        ),
    ),
    "heel-slides": ((SUPINE, []), (pose(SUPINE, knee_a=(124, 108), foot_a=(148, 109)), [])),
    "knee-rolls": (
        (SUPINE, []),
        (pose(SUPINE, knee=(128, 98), foot=(142, 109)), [lambda p: arrow((118, 74), (130, 88))]),
    ),
    "knee-rolls-feet-lifted": (
        (TABLETOP, []),
        (pose(TABLETOP, knee=(116, 96), foot=(140, 94)), [lambda p: arrow((106, 70), (120, 84))]),
    ),
    "knee-to-chest": (
        (SUPINE, []),
        (pose(SUPINE, knee_a=(84, 80), foot_a=(106, 76), elbow=(68, 94), hand=(84, 82)), []),
    ),
    "lying-hamstring-stretch": (
        (pose(SUPINE, knee_a=(110, 82), foot_a=(132, 90), elbow=(72, 98), hand=(88, 88)), [towel]),
        (pose(SUPINE, knee_a=(108, 80), foot_a=(116, 52), elbow=(70, 92), hand=(84, 76)), [towel]),
    ),
    "prone-leg-lift": (
        (pose(PRONE, elbow=(28, 108), hand=(44, 104), head=(42, 99)), []),
        (
            pose(
                PRONE, elbow=(28, 108), hand=(44, 104), head=(42, 99), knee_a=(128, 102),
                foot_a=(152, 95),
            ),
            [],
        ),
    ),
    "prone-lying": ((PRONE, []), (pose(PRONE, elbow=(28, 108), hand=(44, 104), head=(42, 99)), [])),
    "sitting-breaks": (
        (SIT, [lambda p: chair(100)]),
        (pose(STAND, head=(70, 20), shoulder=(70, 34), hip=(70, 66), knee=(70, 88),
              foot=(70, 110), elbow=(67, 50), hand=(65, 66)), [lambda p: chair(100)]),
    ),
    "pelvic-tilt": (
        (pose(SUPINE, bend=-5), []),
        (SUPINE, [lambda p: arrow((96, 90), (90, 102))]),
    ),
    "prone-press-up-forearms": ((PRONE_HANDS, []), (PRESS_FOREARMS, [])),
    "short-walks": ((STAND, []), (WALK, [])),
    "side-bridge-knees": (
        (pose(ON_FOREARM, knee=(126, 108), foot=(112, 96)), []),
        (pose(ON_FOREARM, hip=(96, 96), knee=(126, 108), foot=(112, 96), head=(42, 76)), []),
    ),
    "standing-hip-flexor-stretch": (
        (STEP_STAND, [lambda p: step(114)]),
        (
            pose(
                STEP_STAND, head=(100, 22), shoulder=(98, 36), hip=(96, 70), knee_a=(122, 62),
                knee_b=(90, 90), foot_b=(78, 110), hand=(108, 62),
            ),
            [lambda p: step(114)],
        ),
    ),
    "bird-dog": (
        (QUAD, []),
        (pose(QUAD, elbow_a=(48, 70), hand_a=(30, 68), knee_b=(150, 78), foot_b=(176, 76)), []),
    ),
    "dead-bug": (
        (TABLETOP, []),
        (
            pose(TABLETOP, elbow_a=(38, 104), hand_a=(20, 108), knee_b=(124, 98),
                 foot_b=(148, 104)),
            [],
        ),
    ),
    "glute-bridge-march": (
        (BRIDGE, []),
        (pose(BRIDGE, knee_b=(110, 62), foot_b=(134, 68)), []),
    ),
    "curl-up": (
        (pose(SUPINE_STRAIGHT_B, elbow=(80, 104), hand=(96, 109)), []),
        (
            pose(SUPINE_STRAIGHT_B, elbow=(80, 104), hand=(96, 109), shoulder=(58, 100),
                 head=(46, 93)),
            [],
        ),
    ),
    "prone-press-up-hands": (
        (PRONE_HANDS, []),
        (
            pose(PRONE, head=(52, 58), shoulder=(62, 70), elbow=(62, 89), hand=(60, 108),
                 hip=(106, 106)),
            [],
        ),
    ),
    "walking-programme": ((STAND, []), (BRISK, [])),
    "quadruped-hip-capsule-stretch": (
        (QUAD, []),
        (pose(QUAD, hip=(136, 92), shoulder=(76, 80), head=(62, 74), elbow=(70, 94)), []),
    ),
    "stability-ball-bridge": (
        (pose(SUPINE, knee=(118, 90), foot=(136, 80)), [lambda p: ball(146, 96, 16)]),
        (pose(SUPINE, hip=(96, 94), knee=(118, 86), foot=(136, 80)), [lambda p: ball(146, 96, 16)]),
    ),
    "side-bridge": (
        (ON_FOREARM, []),
        (pose(ON_FOREARM, hip=(104, 98), knee=(130, 104)), []),
    ),
    "single-leg-glute-bridge": (
        (SUPINE_STRAIGHT_B, []),
        (pose(BRIDGE, knee_b=(124, 78), foot_b=(148, 68)), []),
    ),
    "stability-ball-reverse-leg-raise": (
        (
            pose(head=(52, 88), shoulder=(64, 84), hip=(104, 72), knee=(128, 92), foot=(150, 109),
                 elbow=(60, 96), hand=(58, 109)),
            [lambda p: ball(98, 92, 19)],
        ),
        (
            pose(head=(52, 88), shoulder=(64, 84), hip=(104, 72), knee=(128, 68), foot=(152, 66),
                 elbow=(60, 96), hand=(58, 109)),
            [lambda p: ball(98, 92, 19)],
        ),
    ),
    "dowel-hip-hinge": (
        (pose(STAND, elbow=(108, 44), hand=(106, 30)), [dowel_along_back]),
        (pose(HINGE, elbow=(94, 48), hand=(94, 36)), [dowel_along_back]),
    ),
    "lat-engagement-setup": (
        (pose(HINGE, elbow=(80, 62), hand=(80, 80)), []),
        (pose(HINGE, elbow=(92, 62), hand=(92, 78)), [lambda p: arrow((72, 66), (84, 72))]),
    ),
    "wall-hip-hinge": (
        (pose(STAND, head=(126, 20), shoulder=(126, 34), hip=(126, 66), knee=(126, 88),
              foot=(126, 110), elbow=(123, 50), hand=(121, 66)), [lambda p: WALL]),
        (pose(HINGE, head=(100, 38), shoulder=(112, 46), hip=(150, 64), knee=(132, 88),
              foot=(126, 110), elbow=(112, 64), hand=(114, 82)), [lambda p: WALL]),
    ),
    "banded-lat-drill": (
        (pose(HINGE, elbow=(76, 64), hand=(70, 80)),
         [lambda p: stick_end(70, 80), lambda p: band_between((70, 80), (20, 108))]),
        (pose(HINGE, elbow=(90, 62), hand=(98, 78)),
         [lambda p: stick_end(98, 78), lambda p: band_between((98, 78), (20, 108))]),
    ),
    "romanian-deadlift-pattern": (
        (pose(STAND, hand=(96, 68)), [lambda p: stick_end(95, 70)]),
        (pose(HINGE, elbow=(84, 68), hand=(90, 90)), [lambda p: stick_end(90, 91)]),
    ),
    "kettlebell-deadlift": (
        (LIFT_START, [lambda p: kettlebell(95, 104)]),
        (STAND, [lambda p: kettlebell(96, 76)]),
    ),
    "kettlebell-romanian-deadlift": (
        (STAND, [lambda p: kettlebell(96, 76)]),
        (pose(HINGE, elbow=(84, 70), hand=(90, 88)), [lambda p: kettlebell(92, 96)]),
    ),
    "elevated-barbell-deadlift": (
        (pose(LIFT_START, hip=(120, 70), head=(74, 44), shoulder=(86, 50), elbow=(90, 66),
              hand=(94, 82), knee=(104, 88)),
         [lambda p: step(78, 96), lambda p: plate(96, 82)]),
        (STAND, [lambda p: step(78, 96), lambda p: plate(96, 70)]),
    ),
    "barbell-deadlift": (
        (LIFT_START, [lambda p: plate(96, 97, 14)]),
        (STAND, [lambda p: plate(96, 70, 14)]),
    ),
    "trap-bar-deadlift": (
        (pose(LIFT_START, hip=(120, 80), knee=(100, 90), hand=(100, 94), elbow=(96, 76)),
         [lambda p: plate(100, 97, 14), lambda p: line((70, 94), (130, 94), 3)]),
        (STAND, [lambda p: plate(100, 70, 14), lambda p: line((70, 68), (130, 68), 3)]),
    ),
}


def _figure(p: dict) -> str:
    def path(*names):
        points = [p[name] for name in names]
        return "M" + " L".join(f"{x} {y}" for x, y in points)

    (hx, hy), (sx, sy) = p["hip"], p["shoulder"]
    bend = p.get("bend", 0)
    if bend:
        mx, my = (hx + sx) / 2, (hy + sy) / 2 + bend * 2
        torso = f"M{hx} {hy} Q{mx} {my} {sx} {sy}"
    else:
        torso = f"M{hx} {hy} L{sx} {sy}"
    far = [path("hip", "knee_b", "foot_b"), path("shoulder", "elbow_b", "hand_b")]
    near = [torso, path("hip", "knee_a", "foot_a"), path("shoulder", "elbow_a", "hand_a")]
    head = p["head"]
    style = 'stroke-width="5" stroke-linecap="round" stroke-linejoin="round" fill="none"'
    return (
        f'<g stroke="{FAR}" {style}>' + "".join(f'<path d="{d}"/>' for d in far) + "</g>"
        f'<g stroke="{INK}" {style}>' + "".join(f'<path d="{d}"/>' for d in near) + "</g>"
        f'<circle cx="{head[0]}" cy="{head[1]}" r="8" fill="{INK}"/>'
    )


def svg(title: str, figure: tuple) -> str:
    joints, props = figure
    drawn = "".join(prop(joints) for prop in props)
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 120" width="200" '
        'height="120" role="img" aria-labelledby="t">\n'
        f"<title id=\"t\">{title}</title>\n"
        f'<path d="M4 114 H196" stroke="{FLOOR}" stroke-width="2"/>\n'
        f"{drawn}\n{_figure(joints)}\n</svg>\n"
    )


def main() -> None:
    missing = sorted(set(POSITIONS) - set(FIGURES))
    if missing:
        raise SystemExit(f"No figures for: {', '.join(missing)}")
    OUT.mkdir(parents=True, exist_ok=True)
    for slug, (start_text, end_text) in POSITIONS.items():
        start, end = FIGURES[slug]
        (OUT / f"{slug}-start.svg").write_text(svg(f"Start position: {start_text}", start))
        (OUT / f"{slug}-end.svg").write_text(svg(f"End position: {end_text}", end))
    print(f"Wrote {2 * len(POSITIONS)} figures to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
