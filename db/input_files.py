"""Input files (JSON documents, ward workbooks) checked before a single byte is read.

A FIFO or device would block or never end, and a multi-gigabyte file would exhaust memory long
before it could be refused, so only a regular file of a sane size is read at all.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import ValidationError
from .messages import msg


def check_input_file(path: str | Path, max_bytes: int) -> Path:
    """``path`` when it is a regular file of at most ``max_bytes``; else ValidationError."""
    path = Path(path)
    refused = msg("Nothing was imported:")
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise ValidationError([msg("%1: no such file", path)], refused) from None
    except OSError as error:
        raise ValidationError([msg("%1: cannot be read (%2)", path, error.strerror)],
                              refused) from None
    if stat.S_ISDIR(info.st_mode):
        raise ValidationError([msg("%1: is a folder, not a file", path)], refused)
    if not stat.S_ISREG(info.st_mode):
        raise ValidationError([msg("%1: is not a regular file (a pipe or a device); save it "
                                   "as a file first", path)], refused)
    if info.st_size > max_bytes:
        raise ValidationError([msg("%1: is too large (%2; PlanBook reads files of at most %3)",
                                   path, size_text(info.st_size), size_text(max_bytes))], refused)
    return path


def size_text(size: int) -> str:
    return f"{size / 2**20:,.0f} MB" if size >= 2**20 else f"{-(-size // 1024):,} KB"


def read_text_file(path: str | Path, max_bytes: int) -> str:
    """A checked input file's text (UTF-8, an optional BOM removed)."""
    path = check_input_file(path, max_bytes)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ValidationError([msg("%1: cannot be read (%2)", path, error.strerror)],
                              msg("Nothing was imported:")) from None
    if len(data) > max_bytes:  # it grew after the check
        raise ValidationError([msg("%1: is too large (PlanBook reads files of at most %2)",
                                   path, size_text(max_bytes))], msg("Nothing was imported:"))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError([msg("%1: not UTF-8 text (byte %2)", path, error.start)],
                              msg("Nothing was imported:")) from None
