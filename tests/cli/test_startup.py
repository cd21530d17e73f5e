"""Start-up stays small: each subcommand loads only what it uses, each font only when used.

Run in a fresh interpreter each, since this test process has everything loaded already."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("openpyxl", "sqlite_utils", "reportlab", "PySide6", "budoux")

PROBE = r"""
import contextlib, io, json, sys
from desktop.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    try:
        code = main(sys.argv[1:])
    except SystemExit as exit:
        code = exit.code
fonts = sys.modules.get("desktop.publish.typeset.fonts")
print(json.dumps({"code": code, "fonts": sorted(fonts._metrics) if fonts else [],
                  "modules": sorted({m.split('.')[0] for m in sys.modules}),
                  "commands": sorted(m for m in sys.modules if m.startswith("desktop.cli.cmd_"))}))
"""


def probe(*argv) -> dict:
    result = subprocess.run([sys.executable, "-c", PROBE, *map(str, argv)], cwd=ROOT,
                            capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    return json.loads(result.stdout.strip().splitlines()[-1])


def loaded(figures: dict) -> set[str]:
    return set(HEAVY) & set(figures["modules"])


def test_help_and_info_load_no_publishing_or_database_library(sample_file):
    help_ = probe("--help")
    assert help_["code"] == 0 and loaded(help_) == set()
    info = probe("info", "--db", sample_file)
    assert info["code"] == 0 and loaded(info) == set()
    assert info["commands"] == ["desktop.cli.cmd_report"] and len(help_["commands"]) > 5
    for figures in (help_, info):  # argparse's help width without shutil (bz2, lzma)
        assert not {"shutil", "tempfile", "hashlib"} & set(figures["modules"])
    assert info["fonts"] == [] and help_["fonts"] == []


def test_the_help_width_is_shutils(monkeypatch):
    import shutil

    from desktop.cli import terminal_columns

    for columns in ("50", "0", "x", None):
        if columns is None:
            monkeypatch.delenv("COLUMNS", raising=False)
        else:
            monkeypatch.setenv("COLUMNS", columns)
        assert terminal_columns() == shutil.get_terminal_size().columns


def test_booklet_loads_no_excel_and_registers_only_the_fonts_it_embeds(sample_file, tmp_path):
    from pypdf import PdfReader

    out = tmp_path / "b.pdf"
    figures = probe("booklet", "--db", sample_file, "-o", out)
    assert figures["code"] == 0
    assert loaded(figures) == {"reportlab", "budoux"}  # no openpyxl, no sqlite_utils
    embedded = set()
    for page in PdfReader(out).pages:
        for font in page["/Resources"]["/Font"].values():
            embedded.add(font.get_object()["/BaseFont"].split("+", 1)[1])
    files = {"BIZUDPGothic-Regular": "PB-Gothic", "BIZUDPGothic-Bold": "PB-Gothic-Bold",
             "BIZUDGothic-Regular": "PB-Mono", "BIZUDGothic-Bold": "PB-Mono-Bold",
             "BIZUDPMincho-Regular": "PB-Mincho"}
    assert figures["fonts"] == sorted(files[name] for name in embedded)
    assert len(figures["fonts"]) < 5
