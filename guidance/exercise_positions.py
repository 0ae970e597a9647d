"""The start and end position of each exercise, in words, for the two figures on its page.

The figures are drawn by scripts/draw_positions.py into static/guidance/illustrations/positions/
(<slug>-start.svg and <slug>-end.svg); the words here are their text alternative, so a change to
a pose is a change to both files in one commit.
"""

from dataclasses import dataclass

FOLDER = "guidance/illustrations/positions"


@dataclass(frozen=True)
class Positions:
    slug: str
    start: str
    end: str

    @property
    def start_path(self) -> str:
        return f"{FOLDER}/{self.slug}-start.svg"

    @property
    def end_path(self) -> str:
        return f"{FOLDER}/{self.slug}-end.svg"

    @property
    def start_alt(self) -> str:
        return f"Start position: {self.start}"

    @property
    def end_alt(self) -> str:
        return f"End position: {self.end}"


# slug: (start position, end position), each a sentence.
POSITIONS = {
    "bottom-to-heels": (
        "on your hands and knees, back level.",
        "sitting back towards your heels, arms stretched out in front.",
    ),
    "cat-camel": (
        "on your hands and knees, back arched up towards the ceiling.",
        "on your hands and knees, back gently dipped towards the floor.",
    ),
    "clamshell": (
        "lying on your side, knees bent and together.",
        "the top knee lifted, feet still together.",
    ),
    "clamshell-band": (
        "lying on your side, knees bent and together, a band round the thighs.",
        "the top knee lifted against the band, feet still together.",
    ),
    "deep-abdominal-bracing": (
        "lying on your back, knees bent, tummy relaxed.",
        "the same position, tummy muscles gently tightened, breathing on.",
    ),
    "double-knee-to-chest": (
        "lying on your back, knees bent, feet on the floor.",
        "both knees pulled gently towards your chest with your hands.",
    ),
    "bird-dog-arm-lift": (
        "on your hands and knees, back level.",
        "one arm reaching straight forward, back still level.",
    ),
    "glute-bridge": (
        "lying on your back, knees bent, feet flat.",
        "hips lifted so that shoulders, hips and knees make a straight line.",
    ),
    "hip-flexor-stretch": (
        "kneeling on one knee, the other foot flat in front, body upright.",
        "hips moved forward until the front of the back hip stretches.",
    ),
    "heel-slides": (
        "lying on your back, knees bent, feet flat.",
        "one heel slid away along the floor until that leg is straight.",
    ),
    "knee-rolls": (
        "lying on your back, knees bent and together.",
        "both knees rolled gently to one side, shoulders flat.",
    ),
    "knee-rolls-feet-lifted": (
        "lying on your back, knees bent and feet lifted off the floor.",
        "both knees lowered to one side, feet still off the floor.",
    ),
    "knee-to-chest": (
        "lying on your back, knees bent, feet on the floor.",
        "one knee pulled gently towards your chest with your hands.",
    ),
    "lying-hamstring-stretch": (
        "lying on your back, knees bent, a towel round one foot.",
        "that leg raised straight with the towel until the back of the thigh stretches.",
    ),
    "prone-leg-lift": (
        "lying on your front, head resting on your hands.",
        "one straight leg lifted a little off the floor.",
    ),
    "prone-lying": (
        "lying on your front, arms by your sides.",
        "still on your front, head resting on your folded arms, relaxed.",
    ),
    "sitting-breaks": (
        "sitting on a chair.",
        "standing up beside it for a short break.",
    ),
    "pelvic-tilt": (
        "lying on your back, knees bent, a small hollow under your lower back.",
        "lower back pressed gently into the floor by tilting the hips.",
    ),
    "prone-press-up-forearms": (
        "lying on your front, hands by your shoulders.",
        "chest lifted, resting on your forearms, hips on the floor.",
    ),
    "short-walks": (
        "standing tall.",
        "walking at an easy pace.",
    ),
    "side-bridge-knees": (
        "lying on your side on one forearm, knees bent.",
        "hips lifted so the body is straight from knees to head.",
    ),
    "standing-hip-flexor-stretch": (
        "standing with one foot up on a chair or step.",
        "leaning forward into the raised knee until the front of the other hip stretches.",
    ),
    "bird-dog": (
        "on your hands and knees, back level.",
        "one arm and the opposite leg reaching out straight, back still level.",
    ),
    "dead-bug": (
        "lying on your back, arms up, hips and knees bent at right angles.",
        "one arm lowered overhead and the opposite leg straightened towards the floor.",
    ),
    "glute-bridge-march": (
        "hips lifted in a bridge.",
        "one knee lifted towards the chest, hips still level.",
    ),
    "curl-up": (
        "lying on your back, one knee bent, hands under your lower back.",
        "head and shoulders lifted a little off the floor.",
    ),
    "prone-press-up-hands": (
        "lying on your front, hands by your shoulders.",
        "arms straightened to lift your chest, hips on the floor.",
    ),
    "walking-programme": (
        "standing tall.",
        "walking briskly, arms swinging.",
    ),
    "quadruped-hip-capsule-stretch": (
        "on your hands and knees, back level.",
        "hips rocked back and to one side, back still long.",
    ),
    "stability-ball-bridge": (
        "lying on your back, heels on a stability ball.",
        "hips lifted so that shoulders, hips and heels make a straight line.",
    ),
    "side-bridge": (
        "lying on your side on one forearm, legs straight.",
        "hips lifted so the body is straight from feet to head.",
    ),
    "single-leg-glute-bridge": (
        "lying on your back, one knee bent, the other leg straight out.",
        "hips lifted on the bent leg, the straight leg in line with the body.",
    ),
    "stability-ball-reverse-leg-raise": (
        "lying face down over a stability ball, hands and toes on the floor.",
        "both legs lifted until they line up with your body.",
    ),
    "dowel-hip-hinge": (
        "standing, a stick along your back touching head, upper back and the base of the spine.",
        "bent forward at the hips, the stick still touching all three points.",
    ),
    "lat-engagement-setup": (
        "standing at a slight hinge, arms hanging loose.",
        "arms drawn in to the sides and shoulders set down and back.",
    ),
    "wall-hip-hinge": (
        "standing a foot in front of a wall.",
        "hips pushed back until your bottom touches the wall, back long.",
    ),
    "banded-lat-drill": (
        "hinged forward holding a stick, a band pulling it away from you.",
        "the stick pulled back to your thighs against the band.",
    ),
    "romanian-deadlift-pattern": (
        "standing tall with a stick held at your hips.",
        "hips pushed back, the stick slid down to just below the knees.",
    ),
    "kettlebell-deadlift": (
        "hinged forward, hands on a kettlebell between your feet.",
        "standing tall with the kettlebell.",
    ),
    "kettlebell-romanian-deadlift": (
        "standing tall holding a kettlebell.",
        "hips pushed back, the kettlebell lowered to the shins.",
    ),
    "elevated-barbell-deadlift": (
        "hinged forward, hands on a barbell resting on blocks.",
        "standing tall with the bar at your thighs.",
    ),
    "barbell-deadlift": (
        "hinged forward, hands on a barbell on the floor.",
        "standing tall with the bar at your thighs.",
    ),
    "trap-bar-deadlift": (
        "standing inside a trap bar, hips and knees bent, hands on the handles.",
        "standing tall with the bar at your sides.",
    ),
}


def positions_for(slug: str) -> Positions | None:
    if slug not in POSITIONS:
        return None
    start, end = POSITIONS[slug]
    return Positions(slug, start, end)
