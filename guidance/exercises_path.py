"""The path back to lifting (the source article's performance pyramid) as plain data.

No database here: the views fetch the exercises and these helpers arrange them.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class PathStage:
    number: int
    title: str
    purpose: str
    includes: str
    ready: tuple[str, ...]
    exercises: list = field(default_factory=list, compare=False)
    starters: list = field(default_factory=list, compare=False)


STAGES = (
    PathStage(
        1,
        "Foundation for movement",
        "Settle pain, get moving again, and wake up the muscles that support the spine: the "
        "glutes, the deep tummy muscles and the muscles along the back. In the view of the "
        "surgeon quoted in the article this path comes from, long sitting tightens the hip "
        "flexors and switches the glutes off; other muscles then take over, and a lift built on "
        "that pattern is a house built without foundations.",
        "Gentle relief and mobility, core endurance, glute and hip work, walking.",
        (
            "Pain during these exercises is at most moderate and has settled by the next morning.",
            "You can do the core holds (bird-dog, side bridge, curl-up) for their full time "
            "without your back arching or sagging.",
            "A glute bridge feels like buttock work, not back work.",
            "You are walking most days.",
        ),
    ),
    PathStage(
        2,
        "Hip hinge and technique",
        "Learn to bend at the hips while the back stays long and still, and to set up the "
        "lats and tummy before you lift. Strength coaches teach it as the basis of the deadlift, "
        "and it is a way to bend for everyday lifting too.",
        "The wall hinge, the dowel hinge with three points of contact, the Romanian deadlift "
        "pattern and the lat set-up drills.",
        (
            "You can do 10 dowel hip hinges in a row without the stick leaving your head, "
            "upper back or the base of your spine.",
            "You can hold the lat set-up (oranges in the armpits) through a whole hinge.",
            "Hinge practice causes no more than mild discomfort that settles by the next morning.",
        ),
    ),
    PathStage(
        3,
        "Loaded lifting",
        "Add weight to a hinge you already own, in small steps: first a kettlebell between "
        "your feet, then a trap bar or a barbell from blocks, then the floor.",
        "Kettlebell deadlifts and Romanian deadlifts, trap-bar and barbell deadlifts with cues.",
        (
            "Add weight only when the last session left pain settled by the next morning.",
            "If pain builds during lifting or the next day, go back to a lighter weight or to "
            "stage 2 for a week.",
            "Loaded lifting is optional. Many people stay in stages 1 and 2 and do very well.",
        ),
    ),
)


@dataclass(frozen=True)
class Reason:
    key: str
    title: str
    explanation: str
    fix: str
    exercise_slugs: tuple[str, ...]
    stage: int


REASONS = (
    Reason(
        "foundation",
        "No foundation for movement",
        "In the view of the surgeon quoted in the article (Dr Erin Boynton), if the body has "
        "fallen into a compensating pattern (tight hip flexors from sitting, glutes that have "
        "switched off, a weak trunk), you cannot hinge well: smaller muscles take over and the "
        "back overworks. That is coaching opinion, not a research finding.",
        "Build the foundation first: stretch the hip flexors, wake up the glutes, train trunk "
        "endurance.",
        (
            "hip-flexor-stretch",
            "standing-hip-flexor-stretch",
            "quadruped-hip-capsule-stretch",
            "glute-bridge",
            "clamshell",
            "bird-dog",
            "side-bridge-knees",
            "curl-up",
            "stability-ball-reverse-leg-raise",
        ),
        1,
    ),
    Reason(
        "technique",
        "Poor technique",
        "Coach Tony Gentilcore, quoted in the article, names the usual faults: a bar that "
        "drifts away from the body and slack lats. In his view, without lat tension the back "
        "can round as force passes from the legs to the upper body, and that can strain it. "
        "That is coaching opinion: research has not shown that a rounded back while lifting "
        "causes back pain.",
        "Learn the hip hinge without weight, then set your lats before every lift.",
        (
            "wall-hip-hinge",
            "dowel-hip-hinge",
            "romanian-deadlift-pattern",
            "lat-engagement-setup",
            "banded-lat-drill",
        ),
        2,
    ),
    Reason(
        "load",
        "Too much weight",
        "You can hinge well but you are lifting more than your body is ready for, or adding "
        "weight too fast: in the article's view, technique then breaks down.",
        "Drop the weight, rebuild in small steps, and keep a few repetitions in reserve (coaching "
        "practice, no guideline gives a dose). Add weight only when pain has settled by the next "
        "morning.",
        (
            "kettlebell-deadlift",
            "kettlebell-romanian-deadlift",
            "trap-bar-deadlift",
            "elevated-barbell-deadlift",
            "barbell-deadlift",
        ),
        3,
    ),
)


def stages_with_exercises(exercises: Iterable) -> list[PathStage]:
    """Each stage with its exercises, in the order given, and its starter set in rank order."""
    by_stage: dict[int, list] = {stage.number: [] for stage in STAGES}
    for exercise in exercises:
        by_stage.setdefault(exercise.stage, []).append(exercise)
    stages = []
    for s in STAGES:
        members = by_stage[s.number]
        ranked = [e for e in members if getattr(e, "starter_rank", None)]
        starters = sorted(ranked, key=lambda exercise: exercise.starter_rank)
        stages.append(
            PathStage(s.number, s.title, s.purpose, s.includes, s.ready, members, starters)
        )
    return stages


def reason_exercise_slugs() -> set[str]:
    return {slug for reason in REASONS for slug in reason.exercise_slugs}


def reasons_with_exercises(exercises: Iterable) -> list[tuple[Reason, list]]:
    """Each reason with the exercises that address it, in the reason's own order."""
    by_slug = {exercise.slug: exercise for exercise in exercises}
    return [
        (reason, [by_slug[slug] for slug in reason.exercise_slugs if slug in by_slug])
        for reason in REASONS
    ]
