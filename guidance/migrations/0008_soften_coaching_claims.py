# Claims stated as facts that the cited sources do not make are reworded as what they are:
# coaching practice (clinical-reference.md 3.3 calls the hinge and lifting sources "coaching /
# physio education" and "expert opinion"), or plain description.

from django.db import migrations

EDITS = {
    "deep-abdominal-bracing": {
        "description": "A gentle tightening of the lower tummy, held while you keep breathing. "
        "Many core exercises in this library start with it.",
    },
    "wall-hip-hinge": {
        "description": "Standing with your back to a wall, you reach your bottom back to touch "
        "it. Strength coaches teach this bend at the hips, with the back staying long, as the "
        "basis of lifting.",
    },
    "kettlebell-deadlift": {
        "description": "The weight sits between your feet, close to your centre. Coaches often "
        "use it as the first loaded step from the floor.",
    },
    "knee-rolls": {
        "description": "A gentle twist lying down. It is one of the NHS's lower-back exercises "
        "and an easy one to start with.",
    },
}


def edit_content(apps, schema_editor):
    Exercise = apps.get_model("guidance", "Exercise")
    for slug, fields in EDITS.items():
        Exercise.objects.filter(slug=slug).update(**fields)


class Migration(migrations.Migration):
    dependencies = [("guidance", "0007_attribute_the_sitting_claim")]

    operations = [migrations.RunPython(edit_content, migrations.RunPython.noop)]
