"""File dialogs in the interface's language: Qt's own dialog (translated with qtbase_*.qm)
rather than the platform's, which on some systems came out half in English. QFileDialog loads
with the first dialog, not at the editor's start."""

from __future__ import annotations


def options():
    """Qt's own dialog, not the platform's."""
    from PySide6.QtWidgets import QFileDialog

    return QFileDialog.Option.DontUseNativeDialog


def open_file_name(parent, title: str, folder: str, filter_: str) -> str:
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getOpenFileName(parent, title, folder, filter_, options=options())
    return path


def save_file_name(parent, title: str, path: str, filter_: str) -> str:
    from PySide6.QtWidgets import QFileDialog

    chosen, _ = QFileDialog.getSaveFileName(parent, title, path, filter_, options=options())
    return chosen
