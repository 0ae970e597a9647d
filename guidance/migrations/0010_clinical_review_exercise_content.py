# The second clinical review of the exercise content (issue 8, items 0, 4, 10, 11 and 12):
# - cauda equina signs send people to 999 / A&E now (NHS, GIRFT), the checklist covers the rest;
# - every dose names the source that gives it, or the page says it is coaching practice
#   (Exercise.dose_source empty); NICE NG59 names no exercise and no dose, so it is never one;
# - the quadruped hip capsule stretch takes its only source's dose: 10 seconds, 10 times;
# - the lying hamstring stretch is not for a flare-up (it loads an irritated nerve like a
#   straight-leg raise), and bending or loaded exercises carry a caution for osteoporosis,
#   long-term steroids and cancer (clinical-reference.md 3.2: screen red flags first);
# - the lifting claims are the source article's coaching opinion, and say so;
# - sources carry their year, and what is still to verify goes into Source.to_verify, which no
#   page shows (the hazard log lists it).
# Idempotent and keyed by slug: the browser tests run it again after flushing the database.

from django.db import migrations

NEW_SOURCES = [
    {
        "slug": "saraceni-2020",
        "publisher": "Journal of Orthopaedic & Sports Physical Therapy",
        "title": "To flex or not to flex? Is there a relationship between lumbar spine flexion "
        "during lifting and low back pain? A systematic review with meta-analysis "
        "(Saraceni et al.)",
        "url": "https://pubmed.ncbi.nlm.nih.gov/31775556/",
        "reference_section": "6.2",
    },
    {
        "slug": "downie-bmj-2013",
        "publisher": "The BMJ",
        "title": "Red flags to screen for malignancy and fracture in patients with low back "
        "pain: systematic review (Downie et al.)",
        "url": "https://www.bmj.com/content/347/bmj.f7095",
        "reference_section": "1.0",
    },
    {
        "slug": "girft-ces-pathway",
        "publisher": "Chartered Society of Physiotherapy",
        "title": "National suspected cauda equina syndrome pathway (GIRFT, NHS England)",
        "url": "https://www.csp.org.uk/journal/article/physiotherapy-journal-march-2024/"
        "national-suspected-cauda-equina-syndrome-pathway",
        "reference_section": "1.1",
    },
    {
        "slug": "hsc-northern-trust-back-pain",
        "publisher": "HSC Northern Health and Social Care Trust",
        "title": "Physiotherapy: low back pain",
        "url": "https://www.northerntrust.hscni.net/services/physiotherapy-services/"
        "physiotherapy-service-outpatient-service/low-back-pain/",
        "reference_section": "1.2, 3.2",
    },
]

# year: as shown to people; to_verify: never shown, listed in the hazard log.
SOURCE_EDITS = {
    "nhs-lower-back-pain-exercises": {
        "year": "2019",
        "to_verify": "Doses were read from a January 2019 copy of the page; check them, and the "
        "address, on the live NHS page.",
    },
    "nhs-inform-back-exercises": {
        "to_verify": "The page's date was not recorded; check the 5-repetitions starting rule on "
        "the live page.",
    },
    "nhs-back-pain": {
        "to_verify": "The 'call 999 or go to A&E' list was read from secondary copies of the "
        "page; check the wording on the live page. The page's date was not recorded.",
    },
    "mayo-back-exercises": {
        "to_verify": "Versions of the page differ on the knee-to-chest hold (5 seconds, or 15 to "
        "30 seconds): check which is current. The page's date was not recorded.",
    },
    "nice-ng59": {
        "year": "2016, updated 2020",
        "to_verify": "The exercise recommendation was read from a Devon formulary copy; check "
        "it on the NICE page. NG59 names no exercise and no dose.",
    },
    "acp-2017": {"year": "2017"},
    "cochrane-exercise-2021": {
        "year": "2021",
        "to_verify": "Pooled effect sizes were not retrieved.",
    },
    "walkback-2024": {
        "year": "2024",
        "to_verify": "The 30 minutes, five times a week target was read from a Medicine Today "
        "summary of the trial; check it in the paper.",
    },
    "urmc-glute-bridge": {
        "to_verify": "The link reaches only the encyclopedia's index: find the bridging page "
        "and check the 5-second hold, 10 repetitions.",
    },
    "mcgill-big-3": {
        "to_verify": "The doses (10-second holds, a descending pyramid; 5 to 8 cat-camel "
        "cycles) come from secondary summaries, not a primary McGill text. The link reaches "
        "only the front page.",
    },
    "azopt-posterior-hip": {
        "to_verify": "The page's date was not recorded.",
    },
    "live-liberated-hip-hinge": {
        "to_verify": "The page's date was not recorded.",
    },
    "gentilcore-lats": {
        "to_verify": "The link reaches only the front page: find the article on lat engagement.",
    },
    # The page that says "hurt does not equal harm", found since 0006 left the front page.
    "gstt-hurt-not-harm": {
        "title": "Low back pain: physiotherapy and exercises",
        "url": "https://www.guysandstthomas.nhs.uk/health-information/low-back-pain/"
        "physiotherapy-and-exercises",
        "links_to_front_page": False,
        "to_verify": "The page's date was not recorded.",
    },
    "saraceni-2020": {
        "year": "2020",
        "to_verify": "Read from the PubMed abstract as summarised in the clinical reference "
        "(6.2); the full paper was not read.",
    },
    "downie-bmj-2013": {"year": "2013"},
    "girft-ces-pathway": {
        "year": "2024",
        "to_verify": "The GIRFT pathway (2023) itself was not retrieved: its wording was read "
        "in this CSP article and in BMJ Best Practice.",
    },
    "hsc-northern-trust-back-pain": {
        "to_verify": "The page's date was not recorded.",
    },
}

CAUDA_EQUINA = (
    "Call 999 (112 in the EU, 911 in the US) or go to A&E now if you get new numbness or "
    "tingling around your genitals, bottom or inner thighs (also when you wipe), new trouble "
    "peeing, or new loss of bladder or bowel control. These can be signs of cauda equina "
    "syndrome, which needs a hospital within hours (NHS; GIRFT)."
)
STOP = [
    "Stop if it makes your symptoms worse or brings on new pain.",
    "Stop if pain spreads down a leg, or a leg feels numb, tingly or weak, and use the "
    "red-flag checklist: it covers every other warning sign.",
]
BONES_AND_CANCER = (
    "Osteoporosis, steroid tablets taken for a long time, and cancer now or in the past make a "
    "broken bone or cancer in the spine more likely (Downie et al., BMJ 2013; HSC Northern "
    "Trust). If any of these applies to you, ask your GP or physiotherapist before bending or "
    "lifting exercises."
)
# Lines earlier migrations put in every "when to stop" list; replaced by the ones above.
OLD_LINES = [
    "Stop if it makes your symptoms worse or brings on new pain.",
    "Stop if pain spreads down a leg, or a leg feels numb, tingly or weak, and use the "
    "red-flag checklist.",
    "Stop and get help at once if you notice any change in bladder or bowel control, or "
    "numbness around your bottom or genitals: use the red-flag checklist now.",
]

BENDING = [
    "knee-to-chest",
    "double-knee-to-chest",
    "bottom-to-heels",
    "cat-camel",
    "wall-hip-hinge",
    "dowel-hip-hinge",
    "romanian-deadlift-pattern",
    "lat-engagement-setup",
    "banded-lat-drill",
]
LOADED = [
    "kettlebell-deadlift",
    "kettlebell-romanian-deadlift",
    "trap-bar-deadlift",
    "elevated-barbell-deadlift",
    "barbell-deadlift",
    "stability-ball-reverse-leg-raise",
]

# The source that gives each dose. Every other exercise's dose is coaching practice.
DOSE_SOURCES = {
    "knee-to-chest": "mayo-back-exercises",
    "double-knee-to-chest": "mayo-back-exercises",
    "knee-rolls": "nhs-lower-back-pain-exercises",
    "bottom-to-heels": "nhs-lower-back-pain-exercises",
    "pelvic-tilt": "nhs-lower-back-pain-exercises",
    "prone-press-up-forearms": "nhs-lower-back-pain-exercises",
    "deep-abdominal-bracing": "nhs-lower-back-pain-exercises",
    "cat-camel": "mcgill-big-3",
    "curl-up": "mcgill-big-3",
    "side-bridge-knees": "mcgill-big-3",
    "side-bridge": "mcgill-big-3",
    "glute-bridge": "urmc-glute-bridge",
    "quadruped-hip-capsule-stretch": "azopt-posterior-hip",
    "walking-programme": "walkback-2024",
}

# Guidelines and reviews that recommend exercise in general but name no exercise or dose.
GENERAL_ONLY = ["nice-ng59", "acp-2017", "cochrane-exercise-2021"]

NO_CLINICAL_SOURCE = "no clinical guideline describes it, so it is coaching practice."
BOYNTON = "Dr Erin Boynton, an orthopaedic surgeon writing for Precision Movement"
SOURCE_ARTICLE = "the strength-training article this path comes from (Precision Movement)"

EDITS = {
    # Item 11: doses say where they come from, and match it.
    "knee-to-chest": {
        "dosage_note": "Mayo Clinic: hold about 5 seconds and repeat 2 to 3 times on each side, "
        "once in the morning and once in the evening.",
        "progression": "Hold a little longer if it feels good, then try both knees together.",
    },
    "double-knee-to-chest": {
        "hold_seconds": 5,
        "how_often": "once in the morning and once in the evening",
        "dosage_note": "Mayo Clinic: hold about 5 seconds and repeat each stretch 2 to 3 times.",
        "progression": "Hold a little longer if it feels good. Rock gently side to side if it "
        "feels good.",
    },
    "knee-rolls-feet-lifted": {
        "dosage_note": "Start with a small range and a slow count of 3 each way.",
    },
    "prone-press-up-hands": {
        "dosage_note": "Build up to 10 repetitions, as the NHS suggests for the forearm "
        "version; no source gives a dose for this one.",
    },
    "lying-hamstring-stretch": {
        "dosage_note": "Hold about 30 seconds a stretch.",
        "flare_up_ok": False,
    },
    "heel-slides": {
        "dosage_note": "NHS inform's general rule for back exercises: start with 5 repetitions "
        "and add 1 or 2 every few days while it feels comfortable.",
    },
    "bird-dog-arm-lift": {"dosage_note": "Start with 5 each side."},
    "clamshell": {
        "dosage_note": "Start with 5 each side and add 1 or 2 every few days, as NHS inform "
        "advises for back exercises in general.",
    },
    "prone-leg-lift": {
        "dosage_note": "Start with 5 each side and add 1 or 2 every few days, as NHS inform "
        "advises for back exercises in general.",
    },
    "standing-hip-flexor-stretch": {"dosage_note": "Hold about 30 seconds a side."},
    "hip-flexor-stretch": {"dosage_note": "Hold about 30 seconds a side."},
    "quadruped-hip-capsule-stretch": {
        "reps": 10,
        "hold_seconds": 10,
        "sets": 1,
        "dosage_note": "AZOPT, a physiotherapy clinic: hold 10 seconds and repeat 10 times on "
        "each side. The strength-training article this path comes from holds 30 seconds or "
        "longer: that is coaching opinion.",
        "progression": "Push gently back with your hands while the lower back stays flat.",
    },
    "stability-ball-reverse-leg-raise": {
        "dosage_note": "15 repetitions, within the 10 to 20 that fitness trainers use.",
    },
    "sitting-breaks": {"dosage_note": "A minute or two each time."},
    # Item 10: the lifting claims are the source article's coaching opinion.
    "barbell-deadlift": {
        "purpose": "The full deadlift from the floor, with the technique cues strength coaches "
        "use.",
        "description": f"In the view of {SOURCE_ARTICLE}, back pain after deadlifts usually "
        "comes from one of three things: no foundation, poor technique, or too much weight. "
        "That is coaching opinion, not a research finding. The cues below cover technique.",
    },
    "lat-engagement-setup": {
        "purpose": "Switches on the big back muscles (lats) that strength coaches use to keep "
        "the bar close in a deadlift.",
        "description": "Coach Tony Gentilcore, quoted in the article this path comes from, says "
        "that when the lats are slack the upper back can round and the lower back takes the "
        "strain. That is coaching opinion: research has not shown that a rounded back while "
        "lifting causes back pain. This drill teaches the set-up before any weight.",
    },
}

# No clinical source describes these five: they say so, now that the general guidelines are
# no longer listed as if they did.
NO_CLINICAL_SOURCE_DESCRIPTIONS = {
    "dead-bug": {
        "description": "Lying on your back with arms and legs up, you lower the opposite arm "
        "and leg slowly while the back stays quiet. A common trunk exercise in physiotherapy "
        f"and coaching: {NO_CLINICAL_SOURCE}",
    },
    "hip-flexor-stretch": {
        "description": "Sitting a lot tightens the hip flexors (including the psoas), and the "
        f"buttocks then switch off so that other muscles take over: that is the view of {BOYNTON}. "
        f"This stretch is meant to help undo that. {NO_CLINICAL_SOURCE.capitalize()}",
    },
    "standing-hip-flexor-stretch": {
        "description": "The same stretch for the front of the hip as the half-kneeling one, for "
        "people who cannot kneel. Long sitting tightens these muscles and can stop the buttocks "
        f"working, in the view of {BOYNTON}. {NO_CLINICAL_SOURCE.capitalize()}",
    },
    "sitting-breaks": {
        "description": f"Long sitting can leave the back stiff. In the view of {BOYNTON}, it "
        "also tightens the hip flexors and lets the glutes switch off. NICE encourages people "
        "with back pain to continue with normal activities; this routine is coaching practice, "
        "and no clinical guideline describes it.",
    },
    "stability-ball-reverse-leg-raise": {
        "description": "Lying face down over a stability ball with your hands on the floor, you "
        "lift both straight legs up to body height. An advanced back-extension exercise from "
        f"fitness training: {NO_CLINICAL_SOURCE}",
    },
}

# Item 12: own cautions that replace an exercise's earlier ones.
OWN_CAUTIONS = {
    "lying-hamstring-stretch": [
        "Not during a flare-up, and not while pain runs down your leg: lifting a straight leg "
        "stretches the sciatic nerve, the same movement doctors use to test for an irritated "
        "nerve (the straight-leg raise), so it can make nerve pain worse. A clinical review "
        "of this app advised this.",
        "Stop if you feel tingling or pain running down the leg: that can mean a nerve is "
        "irritated.",
    ],
}


def _lines(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


def edit_content(apps, schema_editor):
    Source = apps.get_model("guidance", "Source")
    Exercise = apps.get_model("guidance", "Exercise")
    for row in NEW_SOURCES:
        fields = {key: value for key, value in row.items() if key != "slug"}
        Source.objects.update_or_create(slug=row["slug"], defaults=fields)
    for slug, fields in SOURCE_EDITS.items():
        Source.objects.filter(slug=slug).update(**fields)
    sources = {source.slug: source for source in Source.objects.all()}

    fixed_lines = {CAUDA_EQUINA, BONES_AND_CANCER, *STOP, *OLD_LINES}
    for exercise in Exercise.objects.all():
        own = OWN_CAUTIONS.get(exercise.slug) or [
            line for line in _lines(exercise.cautions) if line not in fixed_lines
        ]
        # The cauda equina caution on every page cites these two.
        exercise.sources.add(sources["nhs-back-pain"], sources["girft-ces-pathway"])
        # These recommend exercise in general and name no exercise: the page says so once,
        # rather than listing them as if they described this one.
        exercise.sources.remove(*(sources[slug] for slug in GENERAL_ONLY))
        bending_or_loaded = exercise.slug in BENDING or exercise.slug in LOADED
        if bending_or_loaded:
            own = [*own, BONES_AND_CANCER]
            exercise.sources.add(
                sources["downie-bmj-2013"], sources["hsc-northern-trust-back-pain"]
            )
        if exercise.stage >= 2:  # hinge and lifting pages show what the evidence says
            exercise.sources.add(sources["saraceni-2020"], sources["gstt-hurt-not-harm"])
        exercise.cautions = "\n".join([CAUDA_EQUINA, *own, *STOP])
        exercise.bending_or_loaded = bending_or_loaded
        dose_source = DOSE_SOURCES.get(exercise.slug)
        exercise.dose_source = sources[dose_source] if dose_source else None
        for field, value in EDITS.get(exercise.slug, {}).items():
            setattr(exercise, field, value)
        if exercise.slug in NO_CLINICAL_SOURCE_DESCRIPTIONS:
            exercise.description = NO_CLINICAL_SOURCE_DESCRIPTIONS[exercise.slug]["description"]
        exercise.save()


class Migration(migrations.Migration):
    dependencies = [("guidance", "0009_exercise_dose_source_and_screen")]

    operations = [migrations.RunPython(edit_content, migrations.RunPython.noop)]
