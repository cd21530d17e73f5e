"""The live preview of a big plan re-renders only the section being edited."""

from __future__ import annotations

import pytest

from db.store import open_plan
from db.synthetic import synthetic_plan


@pytest.fixture(scope="module")
def big_plan(tmp_path_factory):
    path = tmp_path_factory.mktemp("big") / "big.sqlite"
    with open_plan(path, create=True) as store:
        synthetic_plan(store, initiatives=10000, fiscal_year=2024)
    return path


def test_editing_one_initiative_of_10000_lays_out_and_shows_only_its_section(
        qtbot, big_plan, settings, sync_tasks, monkeypatch):
    from desktop.publish.booklet.layout import Flow
    from desktop.ui.shell.window import MainWindow

    sections = []
    real = Flow._section
    monkeypatch.setattr(Flow, "_section", lambda self, blocks: (
        sections.append(len(blocks)) if blocks else None, real(self, blocks))[1])
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(big_plan)
    preview = window.preview
    preview.enabled = True
    window.preview_dock.show()  # hidden at first on a small screen; F6 shows it
    store = window.doc.store
    edition = store.edition(2024)
    vision = next(v for v in store.visions(edition.id) if v.number == 3)
    items = [i for i in store.initiatives(edition.id) if i.vision_number == 3]
    item = items[len(items) // 2]  # in the middle of its section
    window.select_key(f"initiatives:{vision.id}")
    sections.clear()
    builds = preview.builds
    window.doc.set_fields("initiative", item.id, {"title": "プレビュー確認用の新しい題名"},
                          "title")  # renders at once: no debounce after an edit
    qtbot.waitUntil(lambda: preview.builds > builds, timeout=60000)
    report = preview.last_report
    assert len(sections) == 1  # vision 3's section, not the booklet's seventeen
    assert sections[0] < 2 * len(items)  # its cards and category labels; the booklet: 10,000+
    assert report.section_pages > 50 and report.pages <= 5  # drawn: the pages around the edit
    shown = preview.document.getAllText(preview.shown_page).text()
    assert "プレビュー確認用の新しい題名" in shown and preview.shown_page == report.focus_page
    assert "ビジョン3" in shown  # the running header
    window.close()


def test_the_editor_keeps_the_layout_caches_of_the_section_it_previews_only(tmp_path, sample_file):
    """A real plan's texts all differ: kept across documents, the caches would grow to ~100 MB
    in an editor session. They hold the previewed section, and nothing after a whole build."""
    from desktop.publish.layout_caches import cached_layouts
    from desktop.publish.progress import Progress
    from desktop.ui.docks.preview import build_preview
    from desktop.ui.shell.exports import job_booklet, job_ward_sheets

    out = tmp_path / "p.pdf"
    build_preview(sample_file, 2024, None, out, Progress(), section=1)
    first = cached_layouts()
    assert first > 0
    build_preview(sample_file, 2024, None, out, Progress(), section=1, focus=None)
    assert cached_layouts() == first  # the same section again: what it measured is reused
    build_preview(sample_file, 2024, None, out, Progress(), section=2)
    second = cached_layouts()
    build_preview(sample_file, 2024, None, out, Progress(), section=1)
    assert cached_layouts() == first  # vision 2's texts went when vision 1 came back
    assert second != first
    build_preview(sample_file, 2024, None, out, Progress())  # the whole booklet
    assert cached_layouts() == 0
    build_preview(sample_file, 2024, None, out, Progress(), section=1)
    job_booklet(sample_file, 2024, tmp_path / "b.pdf", False)(Progress())
    assert cached_layouts() == 0
    job_ward_sheets(sample_file, 2022, tmp_path / "w.pdf", None)(Progress())
    assert cached_layouts() == 0
