"""Every command of the main window, declared once: id, text, shortcut, status tip.

The main window builds its ``QAction``s from this registry (``objectName`` = the id's value),
so menus, toolbars, shortcuts and tests all refer to the same actions.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QIcon, QKeySequence

ICONS = Path(__file__).resolve().parents[3] / "resources" / "icons" / "actions"

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
    CLEAR_CELLS = "actionClearCells"
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
    NEW_YEAR = "actionNewYear"
    COMPARE = "actionCompare"
    FINALIZE = "actionFinalize"
    REOPEN = "actionReopen"
    REFRESH_PREVIEW = "actionRefreshPreview"
    SHOW_NAVIGATOR = "actionShowNavigator"
    USER_NAME = "actionUserName"
    LANG_JA = "actionLanguageJa"
    LANG_EN = "actionLanguageEn"
    ABOUT = "actionAbout"


@dataclass(frozen=True)
class Spec:
    """An action's text, shortcuts, tooltip and icon."""

    text: str
    keys: tuple = ()
    tip: str = ""
    checkable: bool = False
    icon: str = ""  # resources/icons/actions/NAME.svg


SPECS: dict[A, Spec] = {
    A.NEW_EMPTY: Spec(QT_TRANSLATE_NOOP("Actions", "&New empty plan…"), (SK.New,),
                      QT_TRANSLATE_NOOP("Actions", "Create a new plan file with one empty fiscal year")),
    A.NEW_SAMPLE: Spec(QT_TRANSLATE_NOOP("Actions", "New plan from the &sample…"), ("Ctrl+Shift+N",),
                       QT_TRANSLATE_NOOP("Actions", "Create a new plan file filled with the Kumamoto sample")),
    A.OPEN: Spec(QT_TRANSLATE_NOOP("Actions", "&Open…"), (SK.Open,), QT_TRANSLATE_NOOP("Actions", "Open a plan file")),
    A.SAVE_COPY: Spec(QT_TRANSLATE_NOOP("Actions", "Save a &copy as…"), (SK.SaveAs,),
                      QT_TRANSLATE_NOOP("Actions", "Write a copy of this plan file (changes are saved as you go)")),
    A.QUIT: Spec(QT_TRANSLATE_NOOP("Actions", "&Quit"), (SK.Quit, "Ctrl+Q")),
    A.UNDO: Spec(QT_TRANSLATE_NOOP("Actions", "&Undo"), (SK.Undo,), icon="undo"),
    A.REDO: Spec(QT_TRANSLATE_NOOP("Actions", "&Redo"), (SK.Redo, "Ctrl+Y", "Ctrl+Shift+Z"),
                 icon="redo"),
    A.HISTORY: Spec(QT_TRANSLATE_NOOP("Actions", "&History"), ("Ctrl+H",),
                    QT_TRANSLATE_NOOP("Actions", "Show every change; click one to go back to it")),
    A.COPY: Spec(QT_TRANSLATE_NOOP("Actions", "&Copy cells"), (SK.Copy,),
                 QT_TRANSLATE_NOOP("Actions", "Copy the selected cells as tab-separated text (for Excel)")),
    A.PASTE: Spec(QT_TRANSLATE_NOOP("Actions", "&Paste cells"), (SK.Paste,),
                  QT_TRANSLATE_NOOP("Actions", "Paste tab-separated text from Excel into the table")),
    A.CLEAR_CELLS: Spec(QT_TRANSLATE_NOOP("Actions", "C&lear cells"), ("Del",),
                        QT_TRANSLATE_NOOP("Actions", "Empty the selected cells, as Delete does "
                                          "in Excel (Ctrl+Z brings them back)"), icon="clear"),
    A.INSERT_ROW: Spec(QT_TRANSLATE_NOOP("Actions", "&Add row"), ("Ctrl+Ins", "Ctrl+Return"),
                       QT_TRANSLATE_NOOP("Actions", "Add a row below the current one"),
                       icon="row-add"),
    A.DUPLICATE_ROWS: Spec(QT_TRANSLATE_NOOP("Actions", "Duplicat&e rows"), ("Ctrl+D",),
                           QT_TRANSLATE_NOOP("Actions", "Duplicate the selected rows"),
                           icon="row-duplicate"),
    A.DELETE_ROWS: Spec(QT_TRANSLATE_NOOP("Actions", "&Delete rows…"), ("Ctrl+-", "Ctrl+Del"),
                        QT_TRANSLATE_NOOP("Actions", "Delete the selected rows (asks first "
                                          "when more than one row or any text would go)"),
                        icon="row-delete"),
    A.MOVE_UP: Spec(QT_TRANSLATE_NOOP("Actions", "Mo&ve up"), ("Alt+Up", "Ctrl+Shift+Up"),
                    QT_TRANSLATE_NOOP("Actions", "Move the selected rows up"), icon="move-up"),
    A.MOVE_DOWN: Spec(QT_TRANSLATE_NOOP("Actions", "Move do&wn"), ("Alt+Down", "Ctrl+Shift+Down"),
                      QT_TRANSLATE_NOOP("Actions", "Move the selected rows down"),
                      icon="move-down"),
    A.FIND: Spec(QT_TRANSLATE_NOOP("Actions", "&Search the plan…"), (SK.Find,),
                 QT_TRANSLATE_NOOP("Actions", "Search titles, descriptions and amounts in the whole plan"),
                 icon="search"),
    A.FIND_NEXT: Spec(QT_TRANSLATE_NOOP("Actions", "&Next search hit"), (SK.FindNext, "F3")),
    A.FILTER: Spec(QT_TRANSLATE_NOOP("Actions", "&Filter this table"), ("Ctrl+L",)),
    A.EXPORT_BOOKLET: Spec(QT_TRANSLATE_NOOP("Actions", "&Booklet PDF…"), ("Ctrl+E",),
                           QT_TRANSLATE_NOOP("Actions", "Typeset the action-plan booklet of this fiscal year"),
                           icon="booklet"),
    A.EXPORT_WARD_SHEETS: Spec(QT_TRANSLATE_NOOP("Actions", "&Ward sheets PDF…"), ("Ctrl+Shift+E",),
                               QT_TRANSLATE_NOOP("Actions", "Typeset the ward sheets of this fiscal year"),
                               icon="ward-sheets"),
    A.EXPORT_WARD_EXCEL: Spec(QT_TRANSLATE_NOOP("Actions", "Ward sheet to &Excel…"), (),
                              QT_TRANSLATE_NOOP("Actions", "Write the selected ward's projects to an Excel workbook")),
    A.IMPORT_WARD_EXCEL: Spec(QT_TRANSLATE_NOOP("Actions", "&Import ward sheet from Excel…"), (),
                              QT_TRANSLATE_NOOP("Actions", "Bring a ward office's edited workbook back, "
                                "after showing what changes")),
    A.NEW_YEAR: Spec(QT_TRANSLATE_NOOP("Actions", "New fiscal &year…"), (),
                     QT_TRANSLATE_NOOP("Actions", "Start next year's plan from this year's (a new draft)")),
    A.COMPARE: Spec(QT_TRANSLATE_NOOP("Actions", "Compare with the previous &year"), ("Ctrl+Shift+Y",),
                    QT_TRANSLATE_NOOP("Actions", "This year against an earlier one: added, discontinued, "
                                      "renamed, differences")),
    A.FINALIZE: Spec(QT_TRANSLATE_NOOP("Actions", "Make this year &final…"), (),
                     QT_TRANSLATE_NOOP("Actions", "Run the checks and make this fiscal year final (read-only)")),
    A.REOPEN: Spec(QT_TRANSLATE_NOOP("Actions", "Reopen this year…"), (),
                   QT_TRANSLATE_NOOP("Actions", "Make a final fiscal year a draft again (the reason is recorded)")),
    A.REFRESH_PREVIEW: Spec(QT_TRANSLATE_NOOP("Actions", "&Refresh preview"), ("F5",)),
    A.SHOW_NAVIGATOR: Spec(QT_TRANSLATE_NOOP("Actions", "Go to &navigator"), ("Alt+1",)),
    A.USER_NAME: Spec(QT_TRANSLATE_NOOP("Actions", "Your na&me in the change log…"), (),
                      QT_TRANSLATE_NOOP("Actions", "The name written beside your changes "
                                        "(default: your Windows/OS user name)")),
    A.LANG_JA: Spec("日本語", (), "", True),
    A.LANG_EN: Spec("English", (), "", True),
    A.ABOUT: Spec(QT_TRANSLATE_NOOP("Actions", "&About PlanBook"), ()),
}


def icon(name: str) -> QIcon:
    """An action icon (SVG: sharp at 100% and 200% scaling)."""
    return QIcon(str(ICONS / f"{name}.svg"))


def translate(text: str) -> str:
    return QCoreApplication.translate("Actions", text) if text else ""


def key_sequences(keys: tuple) -> list[QKeySequence]:
    """The shortcuts for ``keys`` on this platform, each once: a standard key (its main binding
    here) may already be one of the explicit ones (Redo is Ctrl+Y on Windows), and a shortcut
    listed twice is ambiguous and never fires."""
    result: list[QKeySequence] = []
    for key in keys:
        sequence = QKeySequence(key)
        if not sequence.isEmpty() and sequence not in result:
            result.append(sequence)
    return result


def shortcut_text(action: QAction) -> str:
    """The action's first shortcut as the user sees it in menus (e.g. "Ctrl+D")."""
    keys = action.shortcuts()
    return keys[0].toString(QKeySequence.SequenceFormat.NativeText) if keys else ""


def retranslate_actions(actions: dict[A, QAction]) -> None:
    """Set every action's text and tips again in the current language."""
    for action_id, action in actions.items():
        spec = SPECS[action_id]
        action.setText(translate(spec.text))
        if spec.tip:
            action.setStatusTip(translate(spec.tip))
            action.setToolTip(translate(spec.tip))


def build_actions(parent) -> dict[A, QAction]:
    actions: dict[A, QAction] = {}
    for action_id, spec in SPECS.items():
        action = QAction(translate(spec.text), parent)
        action.setObjectName(action_id.value)
        keys = key_sequences(spec.keys)
        if keys:
            action.setShortcuts(keys)
        if spec.tip:
            action.setStatusTip(translate(spec.tip))
            action.setToolTip(translate(spec.tip))
        action.setCheckable(spec.checkable)
        if spec.icon:
            action.setIcon(icon(spec.icon))
        actions[action_id] = action
    return actions
