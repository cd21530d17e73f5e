"""The annual cycle through the `planbook` command: new-year, compare, finalize, reopen,
snapshots, and the final-edition refusals of every write command."""

import hashlib
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from db.history import events, snapshots
from db.records import Initiative
from db.store import open_plan
from desktop.cli import main


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def digest(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_new_year_then_the_booklet_prints_the_previous_amounts(tmp_path, capsys, sample_file):
    code, out, _ = run(capsys, "new-year", "--db", sample_file, "--from", "R6")
    assert code == 0, out
    assert "created 令和7年度 (2025) from 令和6年度 (2024)" in out
    assert "109 initiatives" in out and "dated wording to review:" in out
    with open_plan(sample_file) as store:
        doc = store.load(2025)
        for item in doc.initiatives:
            store.update_fields("initiative", item.id, {"amount": item.previous})
    booklet = tmp_path / "b.pdf"
    assert run(capsys, "booklet", "--db", sample_file, "--year", "2025", "-o", booklet)[0] == 0
    text = pdf_text(booklet)
    assert "(11,498,000千円)" not in text and "(13,384,000千円)" in text  # 2024's amount
    assert "令和7年度アクションプラン" in text


def test_bad_years_are_refused_with_one_line(capsys, sample_file):
    before = digest(sample_file)
    for argv, message in [
        (("--from", "2024", "--to", "2022"), "令和4年度 (2022) already exists and is final"),
        (("--from", "2019"), "no fiscal year 2019 in the file"),
        (("--from", "2024", "--to", "2030"), "use --force"),
    ]:
        code, _, err = run(capsys, "new-year", "--db", sample_file, *argv)
        assert code == 2 and message in err and err.count("\n") == 1, err
    assert digest(sample_file) == before


def edited_2025(sample_file):
    """2025 rolled over, every amount entered, then one of each kind of edit."""
    assert main(["new-year", "--db", str(sample_file), "--from", "2024", "--quiet"]) == 0
    with open_plan(sample_file) as store:
        doc = store.load(2025)
        for item in doc.initiatives:
            store.update_fields("initiative", item.id, {"amount": item.previous})
        v2 = doc.vision(2).initiatives
        store.update_fields("initiative", v2[0].id, {"amount": v2[0].previous + 5000})
        store.update_fields("initiative", v2[1].id, {"title": "改称した取組"})
        store.delete("initiative", v2[2].id)
        store.add_initiative(doc.edition.id, Initiative("brand-new", "新設の取組", amount=4321,
                                                        vision_number=2))
    return v2


def test_compare_lists_exactly_the_edits_on_screen_in_pdf_and_xlsx(tmp_path, capsys,
                                                                   sample_file):
    v2 = edited_2025(sample_file)
    code, out, _ = run(capsys, "compare", "--db", sample_file, "--from", "2024", "--to", "2025")
    assert code == 0
    assert "added 1, discontinued 1, renamed 1, moved 0, amount changed 1" in out
    assert f"[名称変更] {v2[1].title} → 改称した取組" in out
    assert f"[廃止・終了] {v2[2].title}" in out and "[新規] 新設の取組" in out
    pdf = tmp_path / "t.pdf"
    code, out, _ = run(capsys, "compare", "--db", sample_file, "--from", "2024", "--to", "2025",
                       "-o", pdf)
    assert code == 0 and "pages" in out
    text = pdf_text(pdf)
    assert "新旧対照表" in text and "新規 1件 / 廃止・終了 1件 / 名称変更 1件" in text
    assert "改称した取組" in text and "新設の取組" in text and "(廃止・終了)" in text
    assert "+5,000" in text
    xlsx = tmp_path / "t.xlsx"
    assert run(capsys, "compare", "--db", sample_file, "--from", "2024", "--to", "2025", "-o",
               xlsx)[0] == 0
    rows = list(load_workbook(xlsx).active.iter_rows(values_only=True))
    marked = sorted(r[1] for r in rows[2:] if r[1] and r[1] != "小計")
    assert marked.count("新規") == 1 and marked.count("廃止・終了") == 1
    assert any(r[4] == "改称した取組" and r[1] == "名称変更" for r in rows)
    code, _, err = run(capsys, "compare", "--db", sample_file, "--from", "2024", "--to", "2025",
                       "-o", tmp_path / "t.docx")
    assert code == 2 and ".xlsx workbook or a .pdf" in err


def test_finalize_blocks_on_errors_then_locks_every_write_command(tmp_path, capsys,
                                                                  sample_file):
    assert main(["new-year", "--db", str(sample_file), "--from", "2024", "--quiet"]) == 0
    code, _, err = run(capsys, "finalize", "--db", sample_file, "--year", "2025")
    assert code == 2 and "cannot be made final" in err and "金額が入力されていません" in err
    with open_plan(sample_file) as store:
        for item in store.load(2025).initiatives:
            store.update_fields("initiative", item.id, {"amount": 1})
    assert run(capsys, "finalize", "--db", sample_file, "--year", "2025")[0] == 0
    # the final year refuses every write command; the file stays byte-identical
    booklet = tmp_path / "final.pdf"
    assert run(capsys, "booklet", "--db", sample_file, "--year", "2025", "-o", booklet)[0] == 0
    with open_plan(sample_file, readonly=True) as store:
        [snapshot] = snapshots(store, 2025)
    assert snapshot.kind == "printed" and snapshot.page_count == len(PdfReader(booklet).pages)
    assert snapshot.pdf_sha256 == digest(booklet)
    assert "(案)" not in pdf_text(booklet)
    workbook = tmp_path / "w.xlsx"  # (the first export gives the file its workbook key)
    assert run(capsys, "ward-xlsx", "export", "--db", sample_file, "--year", "2022", "--ward",
               "中央区", "-o", workbook)[0] == 0
    before = digest(sample_file)
    export = tmp_path / "all.json"
    run(capsys, "export", "--db", sample_file, "-o", export)
    code, _, err = run(capsys, "import", "--db", sample_file, export, "--replace")
    assert code == 2 and "is final (確定)" in err
    code, _, err = run(capsys, "ward-xlsx", "import", "--db", sample_file, workbook)
    assert code == 2 and "令和4年度 (2022) is final (確定)" in err and err.count("\n") == 1
    code, _, err = run(capsys, "new-year", "--db", sample_file, "--from", "2024", "--to", "2025")
    assert code == 2 and "already exists and is final" in err
    assert digest(sample_file) == before
    code, out, _ = run(capsys, "reopen", "--db", sample_file, "--year", "2025", "--reason",
                       "議会で修正")
    assert code == 0
    with open_plan(sample_file, readonly=True) as store:
        assert [e.kind for e in events(store, 2025)] == ["rolled_over", "finalized", "reopened"]
        assert events(store, 2025)[-1].reason == "議会で修正"


def test_the_ward_walkthrough_works_from_a_rolled_over_year(tmp_path, capsys, sample_file):
    assert run(capsys, "new-year", "--db", sample_file, "--from", "2022", "--to", "2023")[0] == 0
    workbook = tmp_path / "中央区.xlsx"
    assert run(capsys, "ward-xlsx", "export", "--db", sample_file, "--year", "2023", "--ward",
               "中央区", "-o", workbook)[0] == 0
    book = load_workbook(workbook)
    sheet = book.worksheets[0]
    header = next(r for r in range(1, 10) if sheet.cell(r, 1).value == "No.")
    columns = [sheet.cell(header, c).value for c in range(1, 12)]
    sheet.cell(header + 1, columns.index("当初予算") + 1).value = 1500
    book.save(workbook)
    code, out, _ = run(capsys, "ward-xlsx", "import", "--db", sample_file, workbook)
    assert code == 0, out
    with open_plan(sample_file, readonly=True) as store:
        assert store.load(2023).ward_plan("中央区").projects[0].initial == 1500


def test_snapshot_then_edit_then_since_snapshot_lists_it(tmp_path, capsys, sample_file):
    booklet = tmp_path / "review.pdf"
    code, out, _ = run(capsys, "booklet", "--db", sample_file, "--year", "2024", "--record",
                       "--note", "議会提出", "-o", booklet)
    assert code == 0 and "snapshot recorded (review)" in out
    code, out, _ = run(capsys, "compare", "--db", sample_file, "--since-snapshot")
    assert code == 0 and "no changes" in out
    with open_plan(sample_file) as store:
        item = store.load(2024).vision(3).initiatives[0]
        store.update_fields("initiative", item.id, {"title": "直した名前"})
    code, out, _ = run(capsys, "compare", "--db", sample_file, "--since-snapshot", "--year",
                       "2024")
    assert code == 0 and f"取組 「直した名前」 題名: {item.title} → 直した名前" in out
    pdf = tmp_path / "since.pdf"
    assert run(capsys, "compare", "--db", sample_file, "--since-snapshot", "-o", pdf)[0] == 0
    assert "直した名前" in pdf_text(pdf)
    code, _, err = run(capsys, "compare", "--db", sample_file, "--since-snapshot", "--year",
                       "2022")
    assert code == 2 and "no snapshot yet" in err
