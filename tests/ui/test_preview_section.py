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
