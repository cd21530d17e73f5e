"""The preflight people read: repeated findings grouped with a count, all of them with -v."""

from __future__ import annotations

from desktop.cli import main
from desktop.publish.typeset.preflight import Preflight, grouped


def run(capsys, *argv) -> tuple[int, list[str]]:
    code = main(list(argv))
    return code, capsys.readouterr().out.splitlines()


def test_sample_booklet_report_fits_in_fifteen_lines(tmp_path, capsys, sample_file):
    code, lines = run(capsys, "booklet", "--db", str(sample_file), "--year", "2024",
                      "-o", str(tmp_path / "b.pdf"))
    assert code == 0
    assert len(lines) <= 15, lines
    pictures = next(line for line in lines if "画像未設定" in line)
    assert "件: p.6, 9, 11" in pictures and pictures.endswith("…")
    code, everything = run(capsys, "booklet", "--db", str(sample_file), "--year", "2024",
                           "-o", str(tmp_path / "b.pdf"), "--verbose")
    listed = [line for line in everything if "no image, printed as a labelled frame" in line]
    count = int(pictures.split("件")[0].split()[-1])
    assert len(listed) == count > 40


def test_grouping_keeps_single_findings_and_order():
    preflight = Preflight()
    preflight.add(6, "card 「A」", "picture 「x」: no image", group="画像未設定")
    preflight.add(3, "card 「B」", "title wraps to 4 lines")
    preflight.add(9, "card 「C」", "picture 「y」: no image", group="画像未設定")
    preflight.add(9, "card 「C」", "picture 「z」: no image", group="画像未設定")
    preflight.add(12, "ビジョン3", "set tighter", group="詰めて組版")
    assert grouped(preflight.items, preflight.kinds) == [
        "画像未設定 3件: p.6, 9", "p.3 card 「B」: title wraps to 4 lines",
        "p.12 ビジョン3: set tighter"]
