"""desktop.publish.output.atomic_output: all of the file, or none of it (and no temp left)."""

from __future__ import annotations

import pytest

from db.sample import load_sample
from db.store import memory_plan
from desktop.publish.booklet import build_booklet
from desktop.publish.output import atomic_output
from desktop.publish.progress import Cancelled, Progress
from desktop.publish.ward_excel import export_ward_workbook
from desktop.publish.ward_sheets import build_ward_sheets


def test_success_renames_the_temp_file_over_the_output(tmp_path):
    path = tmp_path / "out.pdf"
    path.write_bytes(b"old")
    with atomic_output(path, ".pdf") as temp:
        assert temp.parent == tmp_path and temp != path and temp.suffix == ".pdf"
        temp.write_bytes(b"new")
        assert path.read_bytes() == b"old"  # not replaced before the block ends
    assert path.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.pdf"]


@pytest.mark.parametrize("error", [RuntimeError("disk full"), Cancelled(), KeyboardInterrupt()])
def test_a_failure_leaves_neither_output_nor_temp_file(tmp_path, error):
    path = tmp_path / "out.pdf"
    with pytest.raises(type(error)):
        with atomic_output(path, ".pdf") as temp:
            temp.write_bytes(b"half a file")
            raise error
    assert list(tmp_path.iterdir()) == []


def test_a_failure_keeps_the_previous_output(tmp_path):
    path = tmp_path / "out.xlsx"
    path.write_bytes(b"previous")
    with pytest.raises(OSError):
        with atomic_output(path, ".xlsx") as temp:
            temp.write_bytes(b"partial")
            raise OSError("write failed")
    assert path.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]


def test_the_folder_is_created(tmp_path):
    path = tmp_path / "new" / "folder" / "out.pdf"
    with atomic_output(path, ".pdf") as temp:
        temp.write_bytes(b"x")
    assert path.read_bytes() == b"x"


@pytest.fixture(scope="module")
def doc():
    store = memory_plan()
    load_sample(store)
    years = store.fiscal_years()
    docs = {year: store.load(year) for year in years}
    store.close()
    return docs


def _cancel_at(step: int) -> Progress:
    calls = []

    def callback(done, total, label):
        calls.append(done)
        if len(calls) == step:
            progress.cancel()

    progress = Progress(callback)
    return progress


def test_every_export_leaves_the_previous_file_when_it_fails(doc, tmp_path, monkeypatch):
    newest = doc[max(doc)]
    booklet = tmp_path / "booklet.pdf"
    booklet.write_bytes(b"previous booklet")
    with pytest.raises(Cancelled):
        build_booklet(newest, booklet, progress=_cancel_at(3))
    assert booklet.read_bytes() == b"previous booklet"

    with_wards = next(d for d in doc.values() if d.ward_plans)
    sheets = tmp_path / "wards.pdf"
    sheets.write_bytes(b"previous sheets")
    with pytest.raises(Cancelled):
        build_ward_sheets(with_wards, sheets, progress=_cancel_at(2))
    assert sheets.read_bytes() == b"previous sheets"

    from openpyxl import Workbook

    def broken_save(self, filename):
        with open(filename, "wb") as handle:
            handle.write(b"PK half a zip")
        raise OSError("disk full")

    monkeypatch.setattr(Workbook, "save", broken_save)
    workbook = tmp_path / "ward.xlsx"
    with pytest.raises(OSError, match="disk full"):
        export_ward_workbook(with_wards, with_wards.ward_plans[0].ward.name, workbook)
    assert not workbook.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["booklet.pdf", "wards.pdf"]
