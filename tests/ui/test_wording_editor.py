"""The editor edits the priority page's own title and the printed headings, each one undo step."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt

from db.headings import HEADINGS
from db.store import open_plan
from desktop.ui.document.document import PlanDocument
from desktop.ui.forms.fields import FRONT_FIELDS, HEADING_FIELDS
from desktop.ui.forms.record_form import RecordForm
from desktop.ui.tables.plan_models import PriorityActionsModel


@pytest.fixture
def doc(qapp, plan_path):
    document = PlanDocument(open_plan(plan_path))
    yield document
    document.close()


def test_priority_page_title_is_edited_apart_from_the_initiative(doc):
    edition = doc.store.edition(2024)
    priority = doc.store.priorities(edition.id)[0]
    model = PriorityActionsModel(doc, priority.id, edition.id)
    column = next(n for n, c in enumerate(model.columns) if c.field == "title" and c.table is None)
    shared = next(n for n, c in enumerate(model.columns) if c.table == "initiative"
                  and c.field == "title")
    assert model.data(model.index(0, column)) == ""
    assert model.setData(model.index(0, column), "「取組1-1」の開始", Qt.ItemDataRole.EditRole)
    action = doc.store.priorities(edition.id)[0].actions[0]
    assert action.title == "「取組1-1」の開始" and action.initiative.title == "取組1-1"
    assert model.data(model.index(0, column)) == "「取組1-1」の開始"
    assert model.data(model.index(0, shared)) == "取組1-1"
    assert model.setData(model.index(0, column), "", Qt.ItemDataRole.EditRole)
    assert doc.store.priorities(edition.id)[0].actions[0].title is None  # the initiative's again
    doc.undo()
    doc.undo()
    assert doc.store.priorities(edition.id)[0].actions[0].title is None


def test_headings_form_shows_defaults_and_stores_only_what_differs(qtbot, doc):
    edition = doc.store.edition(2024)
    form = RecordForm(doc, "edition", edition.id, FRONT_FIELDS + HEADING_FIELDS)
    qtbot.addWidget(form)
    field = next(f for f in HEADING_FIELDS if f.sub == "ward_policies")
    widget = form.widgets["headings.ward_policies"]
    assert widget.text() == "" and widget.placeholderText() == HEADINGS["ward_policies"]
    widget.setText("支援のすじみち")
    form.commit(field)
    assert doc.store.edition(2024).headings == {"ward_policies": "支援のすじみち"}
    assert doc.store.edition(2024).heading("ward_intro") == "めざすまちづくり"
    widget.setText("")
    form.commit(field)
    assert doc.store.edition(2024).headings == {}
    doc.undo()
    assert widget.text() == "支援のすじみち"
    doc.undo()
    assert doc.store.edition(2024).headings == {} and widget.text() == ""


def test_a_printed_pdfs_preflight_shows_grouped_in_the_problems_panel(qtbot, tmp_path):
    from db.sample import load_sample
    from desktop.publish.progress import Progress
    from desktop.ui.docks.problems import ProblemsPanel
    from desktop.ui.shell.exports import job_booklet

    path = tmp_path / "sample.sqlite"
    with open_plan(path, create=True) as store:
        load_sample(store)
    output, notes = job_booklet(path, 2024, tmp_path / "b.pdf", False)(Progress())
    assert output.exists()
    panel = ProblemsPanel()
    qtbot.addWidget(panel)
    panel.set_problems([])
    panel.set_print_notes(notes)
    rows = [[panel.model.index(r, c).data() for c in range(3)]
            for r in range(panel.model.rowCount())]
    assert len(rows) == len(notes) <= 15
    pictures = next(r for r, row in enumerate(rows) if row[2].startswith("画像未設定"))
    tooltip = panel.model.index(pictures, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.count("\n") + 1 == int(rows[pictures][2].split("件")[0].split()[-1]) > 40


def test_a_whole_document_preview_puts_its_preflight_in_the_problems_panel(
        qtbot, settings, sync_tasks, tmp_path):
    from db.sample import load_sample
    from desktop.ui.shell.window import MainWindow

    path = tmp_path / "sample.sqlite"
    with open_plan(path, create=True) as store:
        load_sample(store)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(path)
    window.preview.enabled = True
    window.preview_dock.show()  # hidden at first on a small screen; F6 shows it
    edition = window.doc.store.edition(2024)
    window.select_key(f"front:{edition.id}")  # previews the whole booklet
    builds = window.preview.builds
    window.request_preview(now=True)
    qtbot.waitUntil(lambda: window.preview.builds > builds, timeout=60000)
    lines = [line for line, _members in window.problems.print_notes]
    assert any(re.match(r"画像未設定 \d+件: p\.6, 9, 11", line) for line in lines), lines
    assert len(lines) <= 15
    window.close()
