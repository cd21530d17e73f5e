"""Daily safety copies of plan files."""

import datetime as dt

from db.backups import backup_folder, daily_backup
from db.interchange import export_json
from db.store import open_plan


def test_one_copy_a_day_and_only_the_newest_are_kept(tmp_path, sample_file):
    root = tmp_path / "backups"
    with open_plan(sample_file) as store:
        first = daily_backup(store, root, keep=3, today=dt.date(2024, 6, 1))
        assert first is not None and first.name == "2024-06-01.sqlite"
        assert daily_backup(store, root, keep=3, today=dt.date(2024, 6, 1)) is None
        for day in range(2, 6):
            daily_backup(store, root, keep=3, today=dt.date(2024, 6, day))
        expected = export_json(store)
    folder = backup_folder(root, sample_file)
    assert sorted(p.name for p in folder.iterdir()) == [
        "2024-06-03.sqlite", "2024-06-04.sqlite", "2024-06-05.sqlite"]
    with open_plan(folder / "2024-06-05.sqlite", readonly=True) as copy:
        assert export_json(copy) == expected


def test_files_with_the_same_name_get_separate_folders(tmp_path):
    a, b = tmp_path / "a" / "plan.sqlite", tmp_path / "b" / "plan.sqlite"
    assert backup_folder(tmp_path, a) != backup_folder(tmp_path, b)
    assert backup_folder(tmp_path, a).name.startswith("plan-")
