"""The hazard log (docs/clinical-safety.md) stays true to the code it describes.

Every test it names as evidence exists, and every source that still has something to verify is
listed in it, so the log cannot quietly fall behind the product.
"""

import re
from pathlib import Path

import pytest

from guidance import triage
from guidance.models import Source

ROOT = Path(__file__).resolve().parents[1]
LOG = (ROOT / "docs" / "clinical-safety.md").read_text()
REFERENCE = re.compile(r"`(tests/[\w/]+\.py)(?:::(\w+))?`")


def test_the_log_names_its_evidence():
    assert len(REFERENCE.findall(LOG)) >= 20
    assert len(re.findall(r"^\| H\d\d \|", LOG, re.MULTILINE)) >= 12


@pytest.mark.parametrize("path, name", sorted(set(REFERENCE.findall(LOG))))
def test_every_test_named_as_evidence_exists(path, name):
    source = (ROOT / path).read_text()
    if name:
        assert re.search(rf"^def {name}\(", source, re.MULTILINE), f"{path}::{name} is gone"


def test_every_checklist_source_still_to_verify_is_listed():
    for source, _ in triage.sources_to_verify():
        assert f"**{source.guideline}**" in LOG, source.guideline


@pytest.mark.django_db
def test_every_exercise_source_still_to_verify_is_listed():
    to_verify = Source.objects.exclude(to_verify="")
    assert to_verify.exists()
    for source in to_verify:
        assert f"**{source.citation}**" in LOG, source.citation
