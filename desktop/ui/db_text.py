"""Messages from the data layer in the interface's language.

``db.messages.Message`` keeps the English template and its arguments; the template is
translated in the ``Db`` context of resources/translations and the arguments are put back in
(translated too when they are messages themselves). Plain strings pass through unchanged.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from db.messages import Message, fill


def db_text(text: object) -> str:
    if not isinstance(text, Message):
        return str(text)
    args = [db_text(a) for a in text.args]
    return fill(QCoreApplication.translate("Db", text.template), args)


def error_text(error: BaseException) -> str:
    """``str(error)`` in the interface's language (PlanFileError and friends)."""
    message = getattr(error, "message", None) or (error.args[0] if error.args else "")
    return db_text(message) if isinstance(message, Message) else str(error)
