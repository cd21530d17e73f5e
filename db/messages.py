"""User-facing messages from the data and publishing layers, translatable by the interface.

``msg("「%1」 is not a status", text)`` is an ordinary ``str`` (the English text, for the CLI and
logs) that also keeps its ``template`` and ``args``. The editor translates the template in the
``Db`` context of resources/translations and fills in the arguments, themselves translated when
they are messages too (``desktop/ui/db_text.py``); a test checks that every template written
as ``msg("…")`` has a Japanese translation. This extends what AmountError's ``reason`` does for
amounts to every refusal of an import.
"""

from __future__ import annotations


class Message(str):
    """English text that remembers the template and arguments it was made from."""

    template: str
    args: tuple

    def __new__(cls, template: str, *args: object) -> Message:
        text = fill(template, [str(a) for a in args])
        message = super().__new__(cls, text)
        message.template, message.args = template, args
        return message

    def __reduce__(self):
        return (Message, (self.template, *self.args))


def fill(template: str, args: list[str]) -> str:
    """Put ``args`` in for %1, %2, … (from the highest, so %1 does not eat %10)."""
    for number in range(len(args), 0, -1):
        template = template.replace(f"%{number}", args[number - 1])
    return template


msg = Message


def shown(value: object, limit: int = 40) -> str:
    """A value quoted in a message: short, on one line."""
    text = str(value).replace("\n", " ")
    return text if len(text) <= limit else text[:limit - 1] + "…"
