"""The README and Makefile a newcomer starts from (issue 12, item 9)."""

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text()


def dry_run(target: str) -> str:
    # -B: as if nothing were installed yet (a fresh machine); -n: print, run nothing.
    result = subprocess.run(
        ["make", "-B", "-n", target], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return result.stdout


def test_make_run_installs_only_what_running_needs():
    commands = dry_run("run")
    assert "pip install --quiet ." in commands
    assert "[test]" not in commands and "chromium" not in commands and "npm" not in commands


def test_make_test_installs_the_test_extras_and_the_browser():
    commands = dry_run("test")
    assert 'pip install --quiet ".[test]"' in commands
    assert "chromium" in commands and "axe-core" in commands


def test_make_run_listens_on_port():
    assert (
        "runserver 127.0.0.1:8123"
        in subprocess.run(
            ["make", "-B", "-n", "run", "PORT=8123"], cwd=ROOT, capture_output=True, text=True
        ).stdout
    )
    assert "make run PORT=8080" in README


def test_readme_points_only_inside_the_repository():
    assert "../" not in README
    for target in re.findall(r"\]\(([^)#]+)\)", README):
        if not target.startswith(("http://", "https://", "/")):
            assert (ROOT / target).exists(), f"README links to a missing file: {target}"
    assert "docs/clinical-safety.md" in README and "/clinical-review/" in README
