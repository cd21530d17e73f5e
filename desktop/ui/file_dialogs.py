"""File dialogs in the interface's language: Qt's own dialog (translated with qtbase_*.qm)
rather than the platform's, which on some systems came out half in English."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

OPTIONS = QFileDialog.Option.DontUseNativeDialog


def open_file_name(parent, title: str, folder: str, filter_: str) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, title, folder, filter_, options=OPTIONS)
    return path


def save_file_name(parent, title: str, path: str, filter_: str) -> str:
    chosen, _ = QFileDialog.getSaveFileName(parent, title, path, filter_, options=OPTIONS)
    return chosen
