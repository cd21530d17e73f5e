"""A hypothesis state machine over the real editing layer: every edit is on disk at once and
undo/redo restore the plan file exactly.

The machine opens the bundled sample as a temp-file plan and edits it the way the editor does:
table models' ``setData``, the table editors' add/duplicate/delete/move/paste (with a filter
or a sort on), record forms, a vision deleted from the visions table, ward projects and groups,
undo and redo. After every step the file, reopened read-only, must equal what the open models
show and the state recorded for the undo stack's current index; a step that pushed nothing
changed nothing; ``check_document`` does not raise. At the end, undoing everything gives the
opened file back byte for byte (and row for row), and redoing gives the edited one.

Longer hunts: ``PLANBOOK_MACHINE_EXAMPLES=200 PLANBOOK_MACHINE_NO_SHRINK=1 pytest <this file>``.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    rule,
    run_state_machine_as_test,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QMessageBox, QPlainTextEdit

from db.checks import check_document
from db.cycle import reopen
from db.interchange import export_document, to_json
from db.sample import load_sample
from db.store import JSON_COLUMNS, TABLE_ORDER, open_plan
from desktop.ui.document.document import PlanDocument
from desktop.ui.forms.fields import INITIATIVE_FIELDS, VISION_FIELDS, WARD_FIELDS
from desktop.ui.forms.record_form import RecordForm
from desktop.ui.tables.plan_models import (
    InitiativesModel,
    MeasuresModel,
    PrioritiesModel,
    PriorityActionsModel,
    VisionsModel,
)
from desktop.ui.tables.table_editor import TableEditor
from desktop.ui.tables.tsv import to_tsv
from desktop.ui.tables.ward_models import WardGroupsModel, WardProjectsModel

TEXTS = ["", "新しい取組", "Title", "説明 文", "a\"quoted\"", "  空白  ", "１２３", "x" * 40]
GOOD_AMOUNTS = ["", "0", "1,000", "２４，３００千円", "△1,200", "▲7", "-30", "12345"]
BAD_AMOUNTS = ["1.5万", "abc", "1,00", "千円", "△", "12,34,567", "１.５",
               "99999999999999999999", "△99999999999999999999"]
STATUS_TEXTS = ["", "新規", "拡充", "継続", "new", "【継続】", "新"]
BAD_STATUS = ["bogus", "完了"]
INTS = ["", "1", "２", "-3", "12", "x", "99999999999999999999"]
BOOLS = ["", "○", "1", "no", "true"]
CELL_TEXTS = TEXTS + GOOD_AMOUNTS + BAD_AMOUNTS + STATUS_TEXTS + BAD_STATUS + INTS + BOOLS

_TEMPLATE: Path | None = None


def template() -> Path:
    """The sample as a closed plan file (built once per session, copied per example)."""
    global _TEMPLATE
    if _TEMPLATE is None:
        folder = Path(tempfile.mkdtemp(prefix="planbook-machine-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        path = folder / "template.sqlite"
        store = open_plan(path, create=True)
        load_sample(store)
        reopen(store, 2022, "the machine edits the sample's ward sheets")  # final in the sample
        store.close()
        _TEMPLATE = path
    return _TEMPLATE


def paste_accepting(editor: TableEditor, text: str) -> bool:
    """Paste, saying OK to the preview a paste that overwrites cells shows first."""
    if editor.paste(text):
        return True
    if editor.pending_paste is None:
        return False
    editor.pending_paste.accept()
    return True


def disk_export(path: Path) -> str:
    """The canonical JSON of the file as another program (``planbook export``) reads it,
    without the change log (which only grows: an undo is logged too)."""
    with open_plan(path, readonly=True) as store:
        return to_json(export_document(store, with_log=False))


def disk_document(path: Path) -> dict:
    """``disk_export`` before it is written as text (the same data, several times faster)."""
    with open_plan(path, readonly=True) as store:
        return export_document(store, with_log=False)


def file_rows(path: Path) -> dict[str, list[dict]]:
    """Every row of every table, by id, JSON decoded: undo must restore these exactly."""
    with open_plan(path, readonly=True) as store:
        out = {}
        for table in TABLE_ORDER:
            rows = list(store.db.query(f"SELECT * FROM {table} ORDER BY id"))
            for row in rows:
                for column in JSON_COLUMNS.get(table, ()):
                    row[column] = json.loads(row[column])
            out[table] = rows
        return out


def model_rows(model) -> list[tuple]:
    """What a table model shows: ids and every column's value and text, in order."""
    out = []
    for r, row in enumerate(model.rows):
        cells = [row["id"]]
        for c, column in enumerate(model.columns):
            index = model.index(r, c)
            cells.append((model.value(r, column), index.data(Qt.ItemDataRole.DisplayRole)))
        out.append(tuple(cells))
    return out


class EditorMachine(RuleBasedStateMachine):
    """Edits through PlanDocument, the table models and the table editors of one open file."""

    def __init__(self):
        super().__init__()
        folder = Path(tempfile.mkdtemp(prefix="planbook-machine-"))
        self.folder = folder
        self.path = folder / "plan.sqlite"
        shutil.copy(template(), self.path)
        self.doc = PlanDocument(open_plan(self.path))
        store = self.doc.store
        self.e2024 = store.edition(2024).id
        self.e2022 = store.edition(2022).id
        visions = {v.number: v.id for v in store.visions(self.e2024)}
        priorities = {p.number: p.id for p in store.priorities(self.e2024)}
        ward_plan_2022 = store.ward_plans(self.e2022)[0].id  # 中央区: 15 projects, 5 groups
        ward_plan_2024 = store.ward_plans(self.e2024)[3].id  # 南区: ward initiatives
        self.vision_ids = visions
        self.specs = {
            "visions": (VisionsModel, (self.e2024,), {}),
            "priorities": (PrioritiesModel, (self.e2024,), {}),
            "initiatives_v1": (InitiativesModel, (self.e2024,), {"vision_id": visions[1]}),
            "initiatives_v4": (InitiativesModel, (self.e2024,), {"vision_id": visions[4]}),
            "initiatives_ward": (InitiativesModel, (self.e2024,),
                                 {"ward_plan_id": ward_plan_2024}),
            "measures_v1": (MeasuresModel, (visions[1],), {}),
            "actions_p1": (PriorityActionsModel, (priorities[1], self.e2024), {}),
            "actions_p2": (PriorityActionsModel, (priorities[2], self.e2024), {}),
            "projects": (WardProjectsModel, (ward_plan_2022,), {}),
            "groups": (WardGroupsModel, (ward_plan_2022,), {}),
        }
        self.editors: dict[str, TableEditor] = {}
        for name, (cls, args, kwargs) in self.specs.items():
            self.editors[name] = TableEditor(cls(self.doc, *args, **kwargs))
        initiative_v4 = store.load(2024).vision(4).initiatives[0].id
        self.forms = {
            "vision": RecordForm(self.doc, "vision", visions[4], VISION_FIELDS),
            "ward_plan": RecordForm(self.doc, "ward_plan", ward_plan_2022, WARD_FIELDS),
            "initiative": RecordForm(self.doc, "initiative", initiative_v4, INITIATIVE_FIELDS),
        }
        self.opened = disk_export(self.path)
        self.states = [disk_document(self.path)]  # the file at each undo-stack index
        self.opened_rows = file_rows(self.path)
        self.names = sorted(self.editors)

    # -- helpers -----------------------------------------------------------------------------
    @property
    def stack(self):
        return self.doc.undo_stack

    def alive(self, name: str) -> bool:
        """Whether the editor's list still has a home (a deleted vision's page is closed)."""
        cls, args, kwargs = self.specs[name]
        if "vision_id" in kwargs:
            return self.doc.store.row("vision", kwargs["vision_id"]) is not None
        if cls is MeasuresModel:
            return self.doc.store.row("vision", args[0]) is not None
        return True

    def after_edit(self, before_index: int, before_count: int) -> None:
        """Record the state for the stack index an edit reached (or check nothing changed)."""
        now = disk_document(self.path)
        index = self.stack.index()
        if index == before_index and self.stack.count() == before_count:
            assert now == self.states[index], "a change without an undo step"
            return
        assert index == before_index + 1, "one user action must be one undo step"
        self.states = self.states[:index] + [now]

    def run_edit(self, action) -> object:
        index, count = self.stack.index(), self.stack.count()
        result = action()
        self.after_edit(index, count)
        return result

    def pick_rows(self, editor: TableEditor, data, at_least: int = 1) -> list[int]:
        shown = editor.proxy.rowCount()
        rows = data.draw(st.lists(st.integers(0, shown - 1), min_size=at_least, max_size=3,
                                  unique=True), label="proxy rows")
        return [editor.proxy.mapToSource(editor.proxy.index(r, 0)).row() for r in rows]

    # -- view state ---------------------------------------------------------------------------
    @rule(name=st.sampled_from(["initiatives_v1", "initiatives_v4", "projects", "actions_p1"]),
          text=st.sampled_from(["", "", "取組", "1", "事業", "子"]))
    def filter_rows(self, name, text):
        self.editors[name].filter_edit.setText(text)

    @rule(name=st.sampled_from(["initiatives_v1", "projects", "measures_v1"]),
          column=st.integers(-1, 3), descending=st.booleans())
    def sort_rows(self, name, column, descending):
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        self.editors[name].view.sortByColumn(column, order)

    # -- edits --------------------------------------------------------------------------------
    @rule(data=st.data(), text=st.sampled_from(CELL_TEXTS))
    def edit_cell(self, data, text):
        name = data.draw(st.sampled_from(self.names), label="editor")
        model = self.editors[name].model
        if not model.rows:
            return
        r = data.draw(st.integers(0, len(model.rows) - 1), label="row")
        c = data.draw(st.integers(0, len(model.columns) - 1), label="column")
        column = model.columns[c]
        if not (model.flags(model.index(r, c)) & Qt.ItemFlag.ItemIsEditable):
            if column.kind == "bool":
                state = Qt.CheckState.Checked if text else Qt.CheckState.Unchecked
                self.run_edit(lambda: model.setData(model.index(r, c), state.value,
                                                    Qt.ItemDataRole.CheckStateRole))
            return
        if column.kind == "choice" and data.draw(st.booleans(), label="by id"):
            text = data.draw(st.sampled_from([None] + [g.id for g in model.groups]), label="group")
        self.run_edit(lambda: model.setData(model.index(r, c), text))

    @rule(data=st.data(), text=st.sampled_from(CELL_TEXTS + ["#E4572E", "red", "1, 2", "a\n\nb"]))
    def edit_form_field(self, data, text):
        """A record form: type into a field and leave it (or pick from a combo)."""
        form = self.forms[data.draw(st.sampled_from(sorted(self.forms)), label="form")]
        if not form.isEnabled():  # its record was deleted
            return
        field = data.draw(st.sampled_from(form.fields), label="field")
        widget = form.widgets[form.key(field)]
        if isinstance(widget, QComboBox):
            at = data.draw(st.integers(0, widget.count() - 1), label="item")
            widget.setCurrentIndex(at)
            self.run_edit(lambda: widget.activated.emit(at))
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(text)
            self.run_edit(lambda: form.commit(field))  # what leaving the field does
        else:
            widget.setText(text)
            self.run_edit(widget.editingFinished.emit)
        if field.kind == "amount" and text in BAD_AMOUNTS:
            assert form.messages[form.key(field)].isVisibleTo(form), f"{text!r} accepted"

    @rule(data=st.data(), bad=st.sampled_from(BAD_AMOUNTS))
    def invalid_amount_is_refused(self, data, bad):
        name = data.draw(st.sampled_from(["initiatives_v1", "projects", "actions_p2"]))
        model = self.editors[name].model
        if not model.rows:
            return
        r = data.draw(st.integers(0, len(model.rows) - 1), label="row")
        c = data.draw(st.sampled_from([i for i, col in enumerate(model.columns)
                                       if col.kind == "amount"]), label="column")
        before = (self.stack.count(), self.stack.index(), model_rows(model))
        errors = []
        model.error.connect(errors.append)
        try:
            accepted = self.run_edit(lambda: model.setData(model.index(r, c), bad))
        finally:
            model.error.disconnect(errors.append)
        assert not accepted, f"{bad!r} was accepted as an amount"
        assert errors, "a refused amount says why"
        assert (self.stack.count(), self.stack.index(), model_rows(model)) == before

    @rule(data=st.data(), height=st.integers(1, 4), width=st.integers(1, 4), grow=st.booleans())
    def paste_block(self, data, height, width, grow):
        name = data.draw(st.sampled_from(self.names), label="editor")
        editor = self.editors[name]
        if not self.alive(name):
            return
        shown = editor.proxy.rowCount()
        low = max(0, shown - height + 1) if grow else 0  # grow: the block runs past the end
        top = data.draw(st.integers(low, shown), label="top")
        left = data.draw(st.integers(0, len(editor.model.columns) - 1), label="left")
        block = data.draw(st.lists(st.lists(st.sampled_from(CELL_TEXTS), min_size=width,
                                            max_size=width), min_size=height, max_size=height),
                          label="block")
        if top < shown:
            editor.view.setCurrentIndex(editor.proxy.index(top, left))
        else:
            editor.view.setCurrentIndex(editor.proxy.index(-1, -1))
        text = to_tsv(block)
        rows_before = len(editor.model.rows)
        pasted = self.run_edit(lambda: paste_accepting(editor, text))
        for box in editor.findChildren(QMessageBox, "pasteRefused"):
            box.close()
            box.deleteLater()
        if not pasted:
            assert len(editor.model.rows) == rows_before

    @rule(data=st.data())
    def insert_row(self, data):
        name = data.draw(st.sampled_from(self.names), label="editor")
        editor = self.editors[name]
        if not self.alive(name) or not editor.model.can_insert():
            return
        if editor.proxy.rowCount():
            editor.select_ids([editor.model.rows[r]["id"] for r in self.pick_rows(editor, data)])
        self.run_edit(editor.insert_row)

    @rule(data=st.data())
    def duplicate_rows(self, data):
        name = data.draw(st.sampled_from(self.names), label="editor")
        editor = self.editors[name]
        if not self.alive(name) or not editor.proxy.rowCount() or not editor.model.can_insert():
            return
        editor.select_ids([editor.model.rows[r]["id"] for r in self.pick_rows(editor, data)])
        self.run_edit(editor.duplicate_rows)

    @rule(data=st.data())
    def delete_rows(self, data):
        name = data.draw(st.sampled_from([n for n in self.names if n != "visions"]),
                         label="editor")
        editor = self.editors[name]
        if not editor.proxy.rowCount():
            return
        editor.select_ids([editor.model.rows[r]["id"] for r in self.pick_rows(editor, data)])
        self.run_edit(lambda: editor.delete_rows(confirm=False))

    @rule(data=st.data(), delta=st.sampled_from([-1, 1]))
    def move_rows(self, data, delta):
        name = data.draw(st.sampled_from(self.names), label="editor")
        editor = self.editors[name]
        if not editor.proxy.rowCount() or not editor.model.ordered:
            return
        editor.select_ids([editor.model.rows[r]["id"] for r in self.pick_rows(editor, data)])
        self.run_edit(lambda: editor.move_rows(delta))

    @rule(number=st.sampled_from([1, 2, 4, 7]))
    def delete_vision_then_undo(self, number):
        """A vision whose initiatives priority items share: its actions come back in order."""
        vid = self.vision_ids[number]
        if self.doc.store.row("vision", vid) is None:
            return
        actions = {n: model_rows(self.editors[n].model) for n in ("actions_p1", "actions_p2")}
        visions = self.editors["visions"]
        visions.select_ids([vid])
        self.run_edit(lambda: visions.delete_rows(confirm=False))
        assert self.doc.store.row("vision", vid) is None
        assert not self.doc.store.measures(vid)
        self.check_models()
        self.doc.undo()
        assert self.stack.canRedo()
        assert disk_document(self.path) == self.states[self.stack.index()]
        for name, rows in actions.items():
            assert model_rows(self.editors[name].model) == rows

    @rule(data=st.data(), delta=st.sampled_from([-1, 1]))
    def reorder_then_undo(self, data, delta):
        name = data.draw(st.sampled_from(["initiatives_v1", "measures_v1", "projects",
                                          "groups", "actions_p1"]), label="editor")
        editor = self.editors[name]
        if not editor.proxy.rowCount():
            return
        before = model_rows(editor.model)
        editor.select_ids([editor.model.rows[r]["id"] for r in self.pick_rows(editor, data)])
        self.run_edit(lambda: editor.move_rows(delta))
        if self.stack.canUndo() and model_rows(editor.model) != before:
            self.doc.undo()
            assert model_rows(editor.model) == before
            assert disk_document(self.path) == self.states[self.stack.index()]

    @rule(data=st.data(), extra=st.integers(1, 5))
    def paste_that_grows_then_undo(self, data, extra):
        name = data.draw(st.sampled_from(["initiatives_v4", "measures_v1", "projects",
                                          "groups", "initiatives_ward"]), label="editor")
        editor = self.editors[name]
        if not self.alive(name):
            return
        editor.filter_edit.clear()
        shown = editor.proxy.rowCount()
        before = model_rows(editor.model)
        top = max(0, shown - 1)
        if shown:
            editor.view.setCurrentIndex(editor.proxy.index(top, 0))
        block = [[f"貼付{n}", "1,000"] for n in range(extra + (1 if shown else 0))]
        text = "".join("\t".join(row) + "\n" for row in block)
        if not self.run_edit(lambda: paste_accepting(editor, text)):
            return
        assert len(editor.model.rows) == len(before) + extra
        self.doc.undo()
        assert model_rows(editor.model) == before
        assert disk_document(self.path) == self.states[self.stack.index()]

    @rule()
    def undo(self):
        if self.stack.canUndo():
            self.doc.undo()

    @rule()
    def redo(self):
        if self.stack.canRedo():
            self.doc.redo()

    # -- invariants ---------------------------------------------------------------------------
    def check_models(self) -> None:
        """The file reopened read-only shows exactly what the open models show."""
        with open_plan(self.path, readonly=True) as disk:
            fresh = PlanDocument(disk)
            try:
                for name, (cls, args, kwargs) in self.specs.items():
                    live = self.editors[name].model
                    if not self.alive(name):
                        assert live.rows == [], name
                        continue
                    expected = cls(fresh, *args, **kwargs)
                    assert model_rows(live) == model_rows(expected), name
                    expected.deleteLater()
            finally:
                fresh.deleteLater()

    @invariant()
    def file_matches_models_and_stack(self):
        assert not self.doc.store.db.conn.in_transaction, "a change not committed to the file"
        assert disk_document(self.path) == self.states[self.stack.index()]
        assert len(self.states) == self.stack.count() + 1
        self.check_models()

    @invariant()
    def checks_never_raise(self):
        for year in (2022, 2024):
            check_document(self.doc.store.load(year))

    def teardown(self):
        try:
            index, count = self.stack.index(), self.stack.count()
            before = disk_export(self.path)
            while self.stack.canUndo():
                self.doc.undo()
            assert disk_export(self.path) == self.opened, "undo all is not the opened file"
            assert file_rows(self.path) == self.opened_rows, "undo all left rows changed"
            self.check_models()
            for _ in range(index):
                self.doc.redo()
            assert disk_export(self.path) == before, "redo does not return to the same state"
            while self.stack.canRedo():
                self.doc.redo()
            assert disk_document(self.path) == self.states[count]
            self.check_models()
        finally:
            for widget in [*self.editors.values(), *self.forms.values()]:
                widget.deleteLater()
            self.doc.close()
            shutil.rmtree(self.folder, ignore_errors=True)


def test_undo_state_machine(qapp):
    phases = [Phase.explicit, Phase.reuse, Phase.generate]
    if not os.environ.get("PLANBOOK_MACHINE_NO_SHRINK"):
        phases.append(Phase.shrink)
    run_state_machine_as_test(EditorMachine, settings=settings(
        max_examples=int(os.environ.get("PLANBOOK_MACHINE_EXAMPLES", 25)), stateful_step_count=25, deadline=None, phases=phases,
        suppress_health_check=[HealthCheck.too_slow]))



# -- regressions the machine found (each minimised to a plain test) ------------------------------

@pytest.fixture
def doc(plan_path):
    document = PlanDocument(open_plan(plan_path))
    yield document
    document.close()


def test_amount_too_large_for_the_file_is_refused(qapp, doc, plan_path):
    """``99999999999999999999`` parses as an amount but SQLite cannot store it: the push used
    to raise OverflowError inside redo and leave on the stack a step whose undo then failed."""
    edition_id = doc.store.edition(2024).id
    model = InitiativesModel(doc, edition_id, vision_id=doc.store.visions(edition_id)[0].id)
    errors = []
    model.error.connect(errors.append)
    before = disk_export(plan_path)
    for field, text in (("amount", "99999999999999999999"), ("previous_amount", "△" + "9" * 20)):
        assert not model.setData(model.index(0, model.column_of(field)), text)
    assert len(errors) == 2 and "too large" in errors[0]
    projects = WardProjectsModel(doc, doc.store.ward_plans(edition_id)[0].id)
    assert not projects.setData(projects.index(0, projects.column_of("number")), "9" * 20)
    editor = TableEditor(model)
    editor.view.setCurrentIndex(editor.proxy.index(0, model.column_of("amount")))
    assert not editor.paste("1,000\n" + "9" * 25 + "\n")
    assert doc.undo_stack.count() == 0
    assert disk_export(plan_path) == before
    # a step whose first redo fails anyway is dropped, not kept as an undo step
    with pytest.raises(OverflowError):
        doc.set_fields("initiative", model.rows[0]["id"], {"amount": 10**20}, "too large")
    assert doc.undo_stack.count() == 0
    assert not doc.store.db.conn.in_transaction
    assert disk_export(plan_path) == before
    editor.deleteLater()


def test_undo_of_a_delete_after_a_move_puts_rows_back_in_order(qapp, doc, plan_path):
    """Moving rows renumbers the whole edition's initiatives 0..n-1 and its undo restored only
    their order; undoing an earlier vision delete then put that vision's initiatives back among
    the wrong neighbours (positions from before the renumbering)."""
    store = doc.store
    edition_id = store.edition(2024).id
    v1, v2 = (v.id for v in store.visions(edition_id))
    opened = disk_export(plan_path)
    rows = file_rows(plan_path)
    visions = TableEditor(VisionsModel(doc, edition_id))
    visions.select_ids([v1])
    visions.delete_rows(confirm=False)
    second = TableEditor(InitiativesModel(doc, edition_id, vision_id=v2))
    second.select_ids([second.model.rows[0]["id"]])
    second.move_rows(1)
    doc.undo()
    doc.undo()
    assert disk_export(plan_path) == opened
    assert file_rows(plan_path) == rows
    assert [r["title"] for r in second.model.rows] == ["取組2-1", "取組2-2", "取組2-3", "取組2-4"]
    # the same with rows added (their positions) instead of moved
    visions.select_ids([v1])
    visions.delete_rows(confirm=False)
    second.select_ids([second.model.rows[1]["id"]])
    second.insert_row()
    doc.undo()
    doc.undo()
    assert disk_export(plan_path) == opened
    assert file_rows(plan_path) == rows
    for editor in (visions, second):
        editor.deleteLater()


def test_renaming_a_group_shows_in_the_projects_group_column(qapp, doc):
    edition_id = doc.store.edition(2024).id
    plan_id = doc.store.ward_plans(edition_id)[0].id
    projects = WardProjectsModel(doc, plan_id)
    groups = WardGroupsModel(doc, plan_id)
    column = projects.column_of("group_id")
    assert projects.index(0, column).data() == "にぎわいづくり"
    changed = []
    projects.dataChanged.connect(lambda a, b, *_: changed.append((a.row(), b.row())))
    assert groups.setData(groups.index(0, 0), "安全安心")
    assert projects.index(0, column).data() == "安全安心"
    assert changed
    assert projects.search_text(0).count("安全安心") == 1
    doc.undo()
    assert projects.index(0, column).data() == "にぎわいづくり"
