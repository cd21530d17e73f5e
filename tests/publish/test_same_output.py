"""Speed work must not change what is printed: the page count and each page's extracted text
of the sample booklet, the sample ward sheets and generated wards that take every type size
and several pages match digests recorded before the optimisations (same_output.json).

A change that is meant to alter the output regenerates the digests, and says so in its commit:

    .venv/bin/python tests/publish/test_same_output.py --update
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DIGESTS = Path(__file__).with_name("same_output.json")
# generated ward plans: (wards, projects per ward); seed = projects per ward
WARD_CASES = ((6, 25), (3, 40), (2, 100))
NAMES = ["sample booklet", "sample ward sheets",
         *(f"{wards} wards x {projects} projects" for wards, projects in WARD_CASES)]


def _documents(folder: Path) -> dict[str, Path]:
    """Build every checked document into ``folder``; name → PDF."""
    from db.sample import load_sample
    from db.store import memory_plan
    from db.synthetic import synthetic_plan
    from desktop.publish.booklet import build_booklet
    from desktop.publish.ward_sheets import build_ward_sheets

    out: dict[str, Path] = {}
    store = memory_plan()
    load_sample(store)
    out["sample booklet"] = folder / "booklet.pdf"
    build_booklet(store.load(2024), out["sample booklet"])
    out["sample ward sheets"] = folder / "wards.pdf"
    build_ward_sheets(store.load(2022), out["sample ward sheets"])
    for wards, projects in WARD_CASES:
        plan = memory_plan()
        synthetic_plan(plan, initiatives=10, wards=wards, projects_per_ward=projects,
                       seed=projects)
        name = NAMES[2 + WARD_CASES.index((wards, projects))]
        out[name] = folder / f"w{wards}x{projects}.pdf"
        build_ward_sheets(plan.load(2024), out[name])
    return out


def _digest(path: Path) -> dict:
    from pypdf import PdfReader

    pages = [page.extract_text() for page in PdfReader(path).pages]
    return {"pages": len(pages),
            "text": [hashlib.sha256(t.encode()).hexdigest()[:16] for t in pages]}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return _documents(tmp_path_factory.mktemp("same-output"))


@pytest.mark.parametrize("name", NAMES)
def test_output_is_what_it_was(built, name):
    expected = json.loads(DIGESTS.read_text(encoding="utf-8"))[name]
    actual = _digest(built[name])
    assert actual["pages"] == expected["pages"], f"{name}: page count changed"
    changed = [n for n, (a, b) in enumerate(zip(actual["text"], expected["text"], strict=True),
                                            start=1) if a != b]
    assert not changed, (f"{name}: the text of pages {changed} changed (if intended, "
                         "regenerate with tests/publish/test_same_output.py --update)")


if __name__ == "__main__" and sys.argv[1:] == ["--update"]:
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        digests = {name: _digest(path) for name, path in _documents(Path(tmp)).items()}
    DIGESTS.write_text(json.dumps(digests, ensure_ascii=False, indent=1) + "\n",
                       encoding="utf-8")
    print(f"wrote {DIGESTS}")
