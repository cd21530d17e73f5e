"""Reading interchange JSON safely: decoding text (``load_json_text``) and the checker that
collects ``path: problem`` lines while values are read (types, limits from db/limits.py)."""

from __future__ import annotations

import json
import re
from typing import Any

from . import limits
from .errors import ValidationError
from .messages import msg, shown

# The record each list of a document holds, for the per-field limits (db/limits.py).
_LIST_TABLES = {"wards": "ward", "editions": "edition", "initiatives": "initiative",
                "priorities": "priority", "actions": "priority_action", "visions": "vision",
                "measures": "measure", "ward_plans": "ward_plan", "groups": "ward_group",
                "projects": "ward_project", "tables": "initiative", "pictures": "initiative",
                "contact": "edition", "plan": "plan", "printed_totals": "ward_plan", "home":
                "initiative"}


def _table(path: str) -> str:
    """The record a JSON path is in: ``editions[0].initiatives[3]`` → ``initiative``."""
    for part in reversed(path.split(".")):
        name = part.split("[", 1)[0]
        if name in _LIST_TABLES:
            return _LIST_TABLES[name]
    return "plan"


class BigNumber:
    """A JSON number with too many digits to convert (see ``load_json_text``)."""

    def __init__(self, digits: str):
        self.digits = digits


class Checker:
    """Collects ``path: problem`` lines while reading a JSON document."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def fail(self, path: str, message: str) -> None:
        self.problems.append(msg("%1: %2", path, message))

    def obj(self, value: Any, path: str) -> dict:
        if not isinstance(value, dict):
            self.fail(path, msg("must be an object, not %1", kind_of(value)))
            return {}
        return value

    def checked_text(self, value: str, where: str, table: str, column: str) -> bool:
        problem = limits.text_problem(table, column, value)
        if problem:
            self.fail(where, problem)
        return problem is None

    def text(self, parent: dict, key: str, path: str, *, required: bool = False,
             nullable: bool = False) -> str | None:
        value = parent.get(key)
        where = f"{path}.{key}" if path else key
        if value is None:
            if key in parent and nullable:
                return None
            if required or key in parent:
                self.fail(where, msg("required") if key not in parent or required
                          else msg("must be text"))
            return None if nullable else ""
        if not isinstance(value, str):
            self.fail(where, msg("must be text, not %1", kind_of(value)))
            return ""
        if not self.checked_text(value, where, _table(path), key):
            return ""
        if required and not value.strip():
            self.fail(where, msg("required (empty)"))
        return value

    def texts(self, parent: dict, key: str, path: str) -> list[str]:
        value = parent.get(key, [])
        where = f"{path}.{key}" if path else key
        if not isinstance(value, list):
            self.fail(where, msg("must be a list of text, not %1", kind_of(value)))
            return []
        table = _table(path)
        problem = limits.count_problem(table, key, len(value))
        if problem:
            self.fail(where, problem)
            return []
        for n, item in enumerate(value):
            if not isinstance(item, str):
                self.fail(f"{where}[{n}]", msg("must be text, not %1", kind_of(item)))
            else:
                self.checked_text(item, f"{where}[{n}]", table, key)
        return [v for v in value if isinstance(v, str)]

    def integer(self, parent: dict, key: str, path: str, *, required: bool = False,
                minimum: int | None = None, maximum: int = limits.MAX_INTEGER) -> int | None:
        value = parent.get(key)
        where = f"{path}.{key}"
        if value is None:
            if required:
                self.fail(where, msg("required"))
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(where, msg("must be a whole number, not %1", kind_of(value)))
            return None
        problem = limits.integer_problem(value, minimum, maximum)
        if problem:
            self.fail(where, problem)
            return None
        return value

    def money(self, parent: dict, key: str, path: str) -> int | None:
        """Money: whole 千円 or null."""
        return self.integer(parent, key, path)

    def choice(self, parent: dict, key: str, path: str, choices: tuple, *,
               nullable: bool = True, default: str | None = None) -> str | None:
        value = parent.get(key, default)
        if value is None and nullable:
            return None
        if not isinstance(value, str) or value not in choices:
            self.fail(f"{path}.{key}", msg("must be one of %1, not %2", ", ".join(choices)
                                           + ("" if not nullable else " or null"), kind_of(value)))
            return default
        return value

    def free_object(self, parent: dict, key: str, path: str) -> dict:
        """A JSON object stored as it is (an event's detail, a snapshot's content): only plain
        values, each storable (no over-long numbers, NaN or lone surrogates)."""
        value = parent.get(key, {})
        where = f"{path}.{key}"
        if not isinstance(value, dict):
            self.fail(where, msg("must be an object"))
            return {}
        stack = [value]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                stack.extend(item.values())
                stack.extend(item.keys())
            elif isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, str):
                if _SURROGATES.search(item):
                    self.fail(where, msg("contains an invalid character (a lone surrogate code "
                                         "point)"))
                    return {}
            elif isinstance(item, float) and item != item or item in (float("inf"),
                                                                       float("-inf")):
                self.fail(where, msg("must not hold NaN or Infinity"))
                return {}
            elif not (item is None or isinstance(item, bool | float)
                      or (isinstance(item, int) and abs(item) <= limits.MAX_INTEGER)):
                self.fail(where, msg("holds %1", kind_of(item)))
                return {}
        return value

    def items(self, parent: dict, key: str, path: str) -> list[tuple[str, dict]]:
        value = parent.get(key, [])
        where = f"{path}.{key}" if path else key
        if not isinstance(value, list):
            self.fail(where, msg("must be a list, not %1", kind_of(value)))
            return []
        problem = limits.count_problem(_table(path) if path else "plan", key, len(value))
        if problem:
            self.fail(where, problem)
            return []
        return [(f"{where}[{n}]", self.obj(item, f"{where}[{n}]")) for n, item in enumerate(value)]


def kind_of(value: Any) -> str:
    """What a value is, for a message: its type, and the value itself when short."""
    if isinstance(value, BigNumber):
        return msg("a number of %1 digits", f"{len(value.digits):,}")
    if isinstance(value, str):
        return msg("text 「%1」", shown(value))
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, int | float):
        return msg("the number %1", shown(value))
    return {dict: msg("an object"), list: msg("a list")}.get(type(value), type(value).__name__)


_SURROGATES = re.compile("[\ud800-\udfff]")


def is_whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) <= limits.MAX_INTEGER


def load_json_text(text: str) -> Any:
    """Decode a JSON document, refusing (with a message, never a traceback) what cannot be a
    plan: invalid JSON, nesting deeper than a plan has, numbers too long to be amounts."""
    try:
        data = json.loads(text, parse_int=_parse_int, parse_constant=_parse_constant)
    except json.JSONDecodeError as error:
        raise ValidationError([msg("line %1, column %2: not valid JSON (%3)", error.lineno,
                                   error.colno, error.msg)]) from error
    except RecursionError:
        raise ValidationError([msg("(document): nested too deeply (a plan is at most %1 levels "
                                   "deep)", limits.MAX_JSON_DEPTH)]) from None
    if _too_deep(data, limits.MAX_JSON_DEPTH):
        raise ValidationError([msg("(document): nested too deeply (a plan is at most %1 levels "
                                   "deep)", limits.MAX_JSON_DEPTH)])
    return data


def _parse_int(digits: str) -> int | BigNumber:
    if len(digits.lstrip("-")) > limits.MAX_NUMBER_DIGITS:
        return BigNumber(digits)
    return int(digits)


def _parse_constant(name: str) -> float:
    return float(name)  # NaN and Infinity: decimals, refused wherever a value is read


def _too_deep(data: Any, depth: int) -> bool:
    """True when ``data`` nests lists/objects more than ``depth`` levels (without recursion)."""
    stack = [(data, 1)]
    while stack:
        value, level = stack.pop()
        if isinstance(value, dict | list):
            if level > depth:
                return True
            stack.extend((v, level + 1) for v in (value.values() if isinstance(value, dict)
                                                  else value))
    return False
