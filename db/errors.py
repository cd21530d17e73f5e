"""Errors the data layer raises with messages meant for the user (no tracebacks)."""

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
