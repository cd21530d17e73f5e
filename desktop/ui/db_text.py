"""Messages from the data layer in the interface's language.

``db.messages.Message`` keeps the English template and its arguments; the template is
translated in the ``Db`` context of resources/translations and the arguments are put back in
(translated too when they are messages themselves). Plain strings pass through unchanged. A
workbook or JSON refusal (ValidationError: a title and one line per problem) reads in Japanese
in the Japanese interface, and the editor checks typed values against db/limits.py here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from db.errors import ValidationError
from db.limits import value_problem
from db.messages import Message, fill


def db_text(text: object) -> str:
    if not isinstance(text, Message):
        return str(text)
    args = [db_text(a) for a in text.args]
    return fill(QCoreApplication.translate("Db", text.template), args)


def error_text(error: BaseException) -> str:
    """``str(error)`` in the interface's language (PlanFileError, ValidationError, …)."""
    if isinstance(error, ValidationError):
        return "\n".join([db_text(error.title), *(f"  {db_text(p)}" for p in error.problems)])
    message = getattr(error, "message", None) or (error.args[0] if error.args else "")
    return db_text(message) if isinstance(message, Message) else str(error)


def check_limits(table: str, column: str, value: object) -> None:
    """ValueError, in the interface's language, when ``value`` is over a limit of
    db/limits.py (the same limits every import checks)."""
    problem = value_problem(table, column, value)
    if problem:
        raise ValueError(db_text(problem))
