"""Every command of the main window, declared once: id, text, shortcut, status tip.

The main window builds its ``QAction``s from this registry (``objectName`` = the id's value),
so menus, toolbars, shortcuts and tests all refer to the same actions.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

N = QT_TRANSLATE_NOOP
SK = QKeySequence.StandardKey


class A(StrEnum):
    NEW_EMPTY = "actionNewEmpty"
    NEW_SAMPLE = "actionNewSample"
    OPEN = "actionOpen"
    SAVE_COPY = "actionSaveCopy"
    QUIT = "actionQuit"
    UNDO = "actionUndo"
    REDO = "actionRedo"
    HISTORY = "actionHistory"
    COPY = "actionCopy"
    PASTE = "actionPaste"
    INSERT_ROW = "actionInsertRow"
    DUPLICATE_ROWS = "actionDuplicateRows"
    DELETE_ROWS = "actionDeleteRows"
    MOVE_UP = "actionMoveUp"
    MOVE_DOWN = "actionMoveDown"
    FIND = "actionFind"
    FIND_NEXT = "actionFindNext"
    FILTER = "actionFilter"
    EXPORT_BOOKLET = "actionExportBooklet"
    EXPORT_WARD_SHEETS = "actionExportWardSheets"
    EXPORT_WARD_EXCEL = "actionExportWardExcel"
    IMPORT_WARD_EXCEL = "actionImportWardExcel"
    REFRESH_PREVIEW = "actionRefreshPreview"
    SHOW_NAVIGATOR = "actionShowNavigator"
    LANG_JA = "actionLanguageJa"
    LANG_EN = "actionLanguageEn"
    ABOUT = "actionAbout"


@dataclass(frozen=True)
class Spec:
    text: str
    keys: tuple = ()
    tip: str = ""
    checkable: bool = False


SPECS: dict[A, Spec] = {
    A.NEW_EMPTY: Spec(N("Actions", "New empty plan…"), (SK.New,),
                      N("Actions", "Create a new plan file with one empty fiscal year")),
    A.NEW_SAMPLE: Spec(N("Actions", "New plan from the sample…"), ("Ctrl+Shift+N",),
                       N("Actions", "Create a new plan file filled with the Kumamoto sample")),
    A.OPEN: Spec(N("Actions", "&Open…"), (SK.Open,), N("Actions", "Open a plan file")),
    A.SAVE_COPY: Spec(N("Actions", "Save a &copy as…"), (SK.SaveAs,),
                      N("Actions", "Write a copy of this plan file (changes are saved as you go)")),
    A.QUIT: Spec(N("Actions", "&Quit"), (SK.Quit, "Ctrl+Q")),
    A.UNDO: Spec(N("Actions", "&Undo"), (SK.Undo,)),
    A.REDO: Spec(N("Actions", "&Redo"), (SK.Redo, "Ctrl+Y")),
    A.HISTORY: Spec(N("Actions", "&History"), ("Ctrl+H",),
                    N("Actions", "Show every change; click one to go back to it")),
    A.COPY: Spec(N("Actions", "&Copy cells"), (SK.Copy,),
                 N("Actions", "Copy the selected cells as tab-separated text (for Excel)")),
    A.PASTE: Spec(N("Actions", "&Paste cells"), (SK.Paste,),
                  N("Actions", "Paste tab-separated text from Excel into the table")),
    A.INSERT_ROW: Spec(N("Actions", "&Add row"), ("Ctrl+Ins", "Ctrl+Return")),
    A.DUPLICATE_ROWS: Spec(N("Actions", "D&uplicate rows"), ("Ctrl+D",)),
    A.DELETE_ROWS: Spec(N("Actions", "&Delete rows"), ("Ctrl+Del",)),
    A.MOVE_UP: Spec(N("Actions", "Move &up"), ("Ctrl+Shift+Up",)),
    A.MOVE_DOWN: Spec(N("Actions", "Move do&wn"), ("Ctrl+Shift+Down",)),
    A.FIND: Spec(N("Actions", "&Search the plan…"), (SK.Find,),
                 N("Actions", "Search titles, descriptions and amounts in the whole plan")),
    A.FIND_NEXT: Spec(N("Actions", "Next search hit"), (SK.FindNext, "F3")),
    A.FILTER: Spec(N("Actions", "&Filter this table"), ("Ctrl+L",)),
    A.EXPORT_BOOKLET: Spec(N("Actions", "&Booklet PDF…"), ("Ctrl+E",),
                           N("Actions", "Typeset the action-plan booklet of this fiscal year")),
    A.EXPORT_WARD_SHEETS: Spec(N("Actions", "&Ward sheets PDF…"), ("Ctrl+Shift+E",),
                               N("Actions", "Typeset the ward sheets of this fiscal year")),
    A.EXPORT_WARD_EXCEL: Spec(N("Actions", "Ward sheet to &Excel…"), (),
                              N("Actions", "Write the selected ward's projects to an Excel workbook")),
    A.IMPORT_WARD_EXCEL: Spec(N("Actions", "&Import ward sheet from Excel…"), (),
                              N("Actions", "Bring a ward office's edited workbook back, "
                                "after showing what changes")),
    A.REFRESH_PREVIEW: Spec(N("Actions", "&Refresh preview"), ("F5",)),
    A.SHOW_NAVIGATOR: Spec(N("Actions", "Go to &navigator"), ("Alt+1",)),
    A.LANG_JA: Spec("日本語", (), "", True),
    A.LANG_EN: Spec("English", (), "", True),
    A.ABOUT: Spec(N("Actions", "&About PlanBook"), ()),
}


def translate(text: str) -> str:
    return QCoreApplication.translate("Actions", text) if text else ""


def build_actions(parent) -> dict[A, QAction]:
    actions: dict[A, QAction] = {}
    for action_id, spec in SPECS.items():
        action = QAction(translate(spec.text), parent)
        action.setObjectName(action_id.value)
        keys = [QKeySequence(k) for k in spec.keys]
        if keys:
            action.setShortcuts(keys)
        if spec.tip:
            action.setStatusTip(translate(spec.tip))
            action.setToolTip(translate(spec.tip))
        action.setCheckable(spec.checkable)
        actions[action_id] = action
    return actions
