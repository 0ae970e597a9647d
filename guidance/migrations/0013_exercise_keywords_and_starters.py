# The library's first impression (issue 12, item 3): search words and the starter sets.
#
# Keywords are the words people in pain search with. They are search aids, not claims that an
# exercise treats a condition. Sciatica and slipped-disc words go only on gentle movements and
# walking (the project's choice): NICE NG59 advises staying active and exercise for low back
# pain "with or without sciatica" (clinical-reference.md 3.1). Stretches that load an irritated
# nerve (the lying hamstring stretch) are deliberately left out.
#
# Starter sets are the project's choice, not a guideline's: per stage, the gentlest exercises
# with the best sources (NHS, NHS inform, Mayo Clinic, McGill), flare-safe where the stage has
# any, and none that needs the "before you start" screen in stage 1. Stage 1 starts with
# walking because every source here recommends staying active first. Stages 2 and 3 have only
# five exercises each, so their starter sets are the first three steps of the stage's own
# progression (hinge pattern before the lat drills; kettlebell before a bar).
# Idempotent and keyed by slug: the browser tests run it again after flushing the database.

from django.db import migrations

SCIATICA = "sciatica, leg pain, nerve pain, trapped nerve"
DISC = "slipped disc, herniated disc, prolapsed disc, bulging disc, disc"
STIFF = "stiff, stiffness, morning stiffness, tight, tightness, mobility, loosen up"
FLARE = "flare-up, acute, spasm, bad day, new back pain"
SITTING = "sitting, desk, office work, posture"
LIFTING = "lifting, lift, bending, bend over, picking things up, deadlift"
CORE = "core, abs, stomach, tummy, trunk, stability"
GLUTES = "glutes, buttocks, bottom, hips"

KEYWORDS = {
    "short-walks": [SCIATICA, DISC, STIFF, FLARE, SITTING, "walking, walk, staying active"],
    "walking-programme": [SCIATICA, DISC, "walking, walk, fitness, staying active, stamina"],
    "sitting-breaks": [SCIATICA, STIFF, SITTING, "standing up, breaks, staying active"],
    "pelvic-tilt": [SCIATICA, DISC, STIFF, FLARE, CORE],
    "knee-rolls": [SCIATICA, DISC, STIFF, FLARE, "rotation, twist"],
    "knee-rolls-feet-lifted": [STIFF, CORE, "rotation, twist"],
    "deep-abdominal-bracing": [SCIATICA, DISC, FLARE, CORE, LIFTING],
    "glute-bridge": [SCIATICA, DISC, GLUTES, SITTING, LIFTING],
    "glute-bridge-march": [GLUTES, CORE, LIFTING],
    "single-leg-glute-bridge": [GLUTES, LIFTING],
    "stability-ball-bridge": [GLUTES, "ball, swiss ball"],
    "prone-lying": [SCIATICA, DISC, FLARE],
    "prone-press-up-forearms": [DISC, STIFF, FLARE, "extension, bending backwards"],
    "prone-press-up-hands": [DISC, STIFF, "extension, bending backwards"],
    "knee-to-chest": [STIFF, FLARE, "stretch, lower back stretch"],
    "double-knee-to-chest": [STIFF, FLARE, "stretch, lower back stretch"],
    "bottom-to-heels": [STIFF, FLARE, "child's pose, stretch, lower back stretch"],
    "cat-camel": [STIFF, FLARE, "cat-cow, mobility, warm-up"],
    "clamshell": [GLUTES, FLARE],
    "clamshell-band": [GLUTES, "resistance band"],
    "bird-dog-arm-lift": [CORE, FLARE, "balance"],
    "bird-dog": [CORE, LIFTING, "balance, McGill big three"],
    "side-bridge-knees": [CORE, LIFTING, "side plank, obliques"],
    "side-bridge": [CORE, LIFTING, "side plank, obliques, McGill big three"],
    "curl-up": [CORE, "sit-up, crunch, McGill big three"],
    "dead-bug": [CORE, "coordination"],
    "heel-slides": [CORE, FLARE],
    "hip-flexor-stretch": [STIFF, SITTING, "hip flexors, psoas, tight hips, stretch"],
    "standing-hip-flexor-stretch": [
        STIFF,
        SITTING,
        FLARE,
        "hip flexors, tight hips, stretch, standing",
    ],
    "quadruped-hip-capsule-stretch": [STIFF, "tight hips, hip mobility, stretch"],
    "lying-hamstring-stretch": [STIFF, "hamstrings, tight hamstrings, stretch"],
    "prone-leg-lift": [GLUTES, "lower back muscles, extension"],
    "stability-ball-reverse-leg-raise": [GLUTES, "ball, swiss ball, reverse hyper"],
    "wall-hip-hinge": [LIFTING, "hip hinge, technique"],
    "dowel-hip-hinge": [LIFTING, "hip hinge, technique, broomstick"],
    "romanian-deadlift-pattern": [LIFTING, "hip hinge, technique, RDL, hamstrings"],
    "lat-engagement-setup": [LIFTING, "lats, technique, set-up"],
    "banded-lat-drill": [LIFTING, "lats, technique, resistance band"],
    "kettlebell-deadlift": [LIFTING, "kettlebell, dumbbell, strength, weights, gym"],
    "kettlebell-romanian-deadlift": [LIFTING, "kettlebell, RDL, strength, weights, gym"],
    "trap-bar-deadlift": [LIFTING, "trap bar, hex bar, strength, weights, gym"],
    "elevated-barbell-deadlift": [LIFTING, "barbell, rack pull, strength, weights, gym"],
    "barbell-deadlift": [LIFTING, "barbell, strength, weights, gym, powerlifting"],
}

STARTERS = {
    1: ["short-walks", "knee-rolls", "pelvic-tilt", "glute-bridge", "deep-abdominal-bracing"],
    2: ["wall-hip-hinge", "dowel-hip-hinge", "lat-engagement-setup"],
    3: ["kettlebell-deadlift", "kettlebell-romanian-deadlift", "trap-bar-deadlift"],
}


def add_keywords_and_starters(apps, schema_editor):
    Exercise = apps.get_model("guidance", "Exercise")
    for slug, groups in KEYWORDS.items():
        Exercise.objects.filter(slug=slug).update(keywords=", ".join(groups))
    Exercise.objects.update(starter_rank=None)
    for slugs in STARTERS.values():
        for rank, slug in enumerate(slugs, start=1):
            Exercise.objects.filter(slug=slug).update(starter_rank=rank)


class Migration(migrations.Migration):
    dependencies = [("guidance", "0012_exercise_keywords_and_starter_rank")]

    operations = [migrations.RunPython(add_keywords_and_starters, migrations.RunPython.noop)]
