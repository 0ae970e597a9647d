# "Sitting tightens the hip flexors and switches the glutes off" is the view of the source
# article's expert (Dr Erin Boynton, Precision Movement), not a finding of the clinical sources
# these exercises cite (clinical-reference.md 3.1 and 3.2 say nothing about it). The pages now
# say whose view it is, and numbers no source gives are called a rule of thumb.

from django.db import migrations

BOYNTON = "Dr Erin Boynton, an orthopaedic surgeon writing for Precision Movement"

EDITS = {
    "glute-bridge": {"purpose": "Wakes up and strengthens the buttock muscles."},
    "hip-flexor-stretch": {
        "purpose": "Stretches the front of the hip, to help the glutes do their share.",
        "description": f"Sitting a lot tightens the hip flexors (including the psoas), and the "
        f"buttocks then switch off so that other muscles take over: that is the view of {BOYNTON}. "
        "This stretch is meant to help undo that.",
    },
    "standing-hip-flexor-stretch": {
        "description": "The same stretch for the front of the hip as the half-kneeling one, for "
        "people who cannot kneel. Long sitting tightens these muscles and can stop the buttocks "
        f"working, in the view of {BOYNTON}.",
    },
    "sitting-breaks": {
        "purpose": "Breaks up long spells of sitting with a minute or two of moving.",
        "description": "Long sitting can leave the back stiff. In the view of "
        f"{BOYNTON}, it also tightens the hip flexors and lets the glutes switch off. NICE "
        "encourages people with back pain to continue with normal activities.",
        "dosage_note": "No guideline gives these numbers: they are a simple rule of thumb.",
    },
    "stability-ball-bridge": {
        "description": "A glute bridge with your feet on a stability ball: the ball rolls, so "
        "you have to balance as well as lift.",
    },
}


def edit_content(apps, schema_editor):
    Exercise = apps.get_model("guidance", "Exercise")
    for slug, fields in EDITS.items():
        Exercise.objects.filter(slug=slug).update(**fields)


class Migration(migrations.Migration):
    dependencies = [("guidance", "0006_source_links")]

    operations = [migrations.RunPython(edit_content, migrations.RunPython.noop)]
