# Wording fixes to the shipped content: claims the sources do not make are taken out.

from django.db import migrations

ALWAYS_STOP = [
    "Stop if it makes your symptoms worse or brings on new pain.",
    "Stop if pain spreads down a leg, or a leg feels numb, tingly or weak, and use the "
    "red-flag checklist.",
    "Stop and get help at once if you notice any change in bladder or bowel control, or "
    "numbness around your bottom or genitals: use the red-flag checklist now.",
]

EDITS = {
    "deep-abdominal-bracing": {
        "feel": "A light tension low in your tummy: a gentle effort, not a full squeeze.",
    },
    "trap-bar-deadlift": {
        "description": "You stand inside a hexagonal bar, so the load hangs at your sides, in "
        "line with your body, rather than in front of your legs.",
    },
    "lying-hamstring-stretch": {
        "cautions": "\n".join(
            [
                "Stop if you feel tingling or pain running down the leg: that can mean a "
                "nerve is irritated.",
                *ALWAYS_STOP,
            ]
        ),
    },
}


def edit_content(apps, schema_editor):
    Exercise = apps.get_model("guidance", "Exercise")
    for slug, fields in EDITS.items():
        Exercise.objects.filter(slug=slug).update(**fields)


class Migration(migrations.Migration):
    dependencies = [("guidance", "0003_exercise_content")]

    operations = [migrations.RunPython(edit_content, migrations.RunPython.noop)]
