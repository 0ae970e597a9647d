# Source links checked against published copies:
# - NHS inform: the page's own address (clinical-reference.md 3.2 gives ".../exercises-for-back-pain";
#   the full path is the one NHS inform's archived copy of the page carries).
# - Live Liberated: the article that gives the three contact points quoted in clinical-reference.md
#   3.3, not the site's front page.
# - WalkBack: clinical-reference.md 3.1 gives no DOI (only Lancet 2024;404:134-144), and the DOI
#   was first written from memory. It was checked against the trial's PubMed-style citation as
#   reproduced by Pain+ CPN (painpluscpn.ca, article 136116): "Lancet. 2024 Jul
#   13;404(10448):134-144. doi: 10.1016/S0140-6736(24)00755-4". The title is now the paper's own.
# - Sources whose cited page we have no checked address for keep their front-page link and are
#   marked links_to_front_page, so the pages say where the link really goes.

from django.db import migrations

EDITS = {
    "nhs-inform-back-exercises": {
        "url": "https://www.nhsinform.scot/illnesses-and-conditions/muscle-bone-and-joints/"
        "exercises/exercises-for-back-pain",
    },
    "live-liberated-hip-hinge": {
        "title": "Hip-hinge mechanism: a necessity (three points of contact on a dowel)",
        "url": "https://liveliberated.com/hip-hinge-mechanism-a-necessity/",
    },
    "walkback-2024": {
        "title": "An individualised, progressive walking and education intervention for the "
        "prevention of low back pain recurrence (WalkBack trial, Pocovi et al. 2024)",
        "url": "https://doi.org/10.1016/S0140-6736(24)00755-4",
    },
}
FRONT_PAGE_ONLY = ["urmc-glute-bridge", "mcgill-big-3", "gentilcore-lats", "gstt-hurt-not-harm"]


def edit_sources(apps, schema_editor):
    Source = apps.get_model("guidance", "Source")
    for slug, fields in EDITS.items():
        Source.objects.filter(slug=slug).update(**fields)
    Source.objects.filter(slug__in=FRONT_PAGE_ONLY).update(links_to_front_page=True)


class Migration(migrations.Migration):
    dependencies = [("guidance", "0005_source_links_to_front_page")]

    operations = [migrations.RunPython(edit_sources, migrations.RunPython.noop)]
