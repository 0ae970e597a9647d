# Issue 12, item 4: the glute bridge's dose said "1 set" while its note quoted "2 sets of 10".
# Its dose source, the URMC Health Encyclopedia's bridge page, says: "Hold the position for 5
# seconds ... Repeat 10 times or as instructed" - one round of 10 five-second holds, so 1 set is
# right and the note was wrong. The "2 sets of 10" was Bournemouth University's SportBU, which is
# not among this exercise's sources and holds 2 to 4 seconds (clinical-reference.md 3.2): mixed
# with URMC's 5-second hold it made a dose that no source gives, so the note no longer quotes it.
# The link now goes to the bridge page itself instead of the encyclopedia's index.
# Idempotent and keyed by slug: the browser tests run it again after flushing the database.

from django.db import migrations

URMC_BRIDGE = {
    "title": "Health Encyclopedia: the bridge exercise",
    "url": "https://www.urmc.rochester.edu/encyclopedia/content.aspx?contentid=4465&contenttypeid=1",
    "links_to_front_page": False,
    "to_verify": "The address was found through a copy of the page on another URMC server "
    "(urmcpublic-lb1.urmc.rochester.edu); check that it opens on www.urmc.rochester.edu. The "
    "page's date was not recorded.",
}

GLUTE_BRIDGE = {
    "reps": 10,
    "hold_seconds": 5,
    "sets": 1,
    "dosage_note": "URMC Health Encyclopedia, where this dose comes from: hold 5 seconds, lower "
    "slowly, and repeat 10 times. That is one set. Mayo Clinic holds for three deep breaths, "
    "starting with 5 repetitions and building up to 30.",
    "progression": "Add repetitions over the weeks, up to 30 as Mayo Clinic suggests, then try "
    "the bridge with a march.",
}


def fix_dose(apps, schema_editor):
    Source = apps.get_model("guidance", "Source")
    Exercise = apps.get_model("guidance", "Exercise")
    Source.objects.filter(slug="urmc-glute-bridge").update(**URMC_BRIDGE)
    Exercise.objects.filter(slug="glute-bridge").update(**GLUTE_BRIDGE)


class Migration(migrations.Migration):
    dependencies = [("guidance", "0010_clinical_review_exercise_content")]

    operations = [migrations.RunPython(fix_dose, migrations.RunPython.noop)]
