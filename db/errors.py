"""Errors the data layer raises with messages meant for the user (no tracebacks)."""

from .era import era_label
from .messages import msg


class PlanBookError(Exception):
    """Base class: ``str(error)`` is a complete, user-facing message."""


class PlanFileError(PlanBookError):
    """A file cannot be opened, written or replaced as a plan file (missing, not PlanBook,
    newer schema, read-only folder, full disk, …).

    The message is a ``db.messages.Message`` (template and arguments, for translation);
    ``reason`` (a key of ``db.planfile.MESSAGES``) says what kind of failure it was."""

    def __init__(self, message: str, *, reason: str | None = None):
        super().__init__(message)
        self.message, self.reason = message, reason


class ChangedElsewhere(PlanBookError):
    """An undo or redo was refused: another program changed its target since."""


class ValidationError(PlanBookError):
    """Input was refused; ``problems`` lists every ``where: what`` found."""

    def __init__(self, problems: list[str], title: str | None = None):
        self.problems = list(problems)
        self.title = title if title is not None else msg("The input was refused:")
        super().__init__(self.title + "\n" + "\n".join(f"  {p}" for p in self.problems))


FINAL_EDITION = "planbook:final-edition"
"""The message of the lock triggers' RAISE (db/schema.py m004); the connection turns it into
``FinalEditionError``."""


class FinalEditionError(PlanBookError):
    """A write touched a final (確定) edition, which is read-only until it is reopened.

    ``reason`` lets the editor say it its own way; ``fiscal_year`` is known when the refusal
    came from a check before writing (None when the file's own lock refused the write)."""

    reason = "final_edition"

    def __init__(self, fiscal_year: int | None = None):
        self.fiscal_year = fiscal_year
        if fiscal_year is None:
            message = msg("a final (確定) fiscal year cannot be changed: reopen it first "
                          "(planbook reopen --year Y --reason …).")
        else:
            message = msg("%1 (%2) is final (確定) and cannot be changed: reopen it first "
                          "(planbook reopen --year %2 --reason …), or roll it over into a new "
                          "year (planbook new-year --from %2).", era_label(fiscal_year),
                          fiscal_year)
        super().__init__(message)
        self.message = message
