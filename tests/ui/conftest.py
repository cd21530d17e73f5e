"""UI test fixtures: offscreen Qt, test-mode standard paths, isolated settings, temp-file plans."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest  # noqa: E402
from PySide6.QtCore import QSettings, QStandardPaths  # noqa: E402

from db.records import (  # noqa: E402
    Contact,
    Edition,
    Initiative,
    Measure,
    Priority,
    PriorityAction,
    Vision,
    Ward,
    WardGroup,
    WardPlan,
    WardProject,
)
from db.store import open_plan  # noqa: E402

QStandardPaths.setTestModeEnabled(True)


def fill_plan(store) -> None:
    """A small but complete plan: 2 visions with measures and initiatives, a priority, 2 wards."""
    with store.atomic():
        edition_id = store.add_edition(Edition(2024, title="令和6年度アクションプラン",
                                               contact=Contact("熊本市", "政策企画課",
                                                               "096-328-2033")))
        for number, title in ((1, "こどもが輝き、若者が希望をもてるまち"), (2, "市民に愛され、世界に選ばれるまち")):
            vision_id = store.add_vision(edition_id, Vision(number, title, "#2E86AB",
                                                            ["方向性の段落です。"]))
            for m in range(1, 4):
                store.add_measure(vision_id, Measure(f"{number}-{m}", f"施策{number}-{m}",
                                                     f"目標{number}-{m}"))
            for n in range(1, 5):
                store.add_initiative(edition_id, Initiative(
                    f"v{number}-{n}", f"取組{number}-{n}", description=f"説明文{number}-{n}",
                    amount=1000 * n, previous_amount=900 * n, category="子育て",
                    status="continued", vision_number=number, measure_code=f"{number}-1"))
        item = store.initiatives(edition_id)[0]
        priority_id = store.add_priority(edition_id, Priority(1, "こどもの権利", "リード文"))
        store.add_priority_action(priority_id, PriorityAction("<こどものいのちと権利を守る>", item))
        for name in ("中央区", "南区"):
            ward = Ward(name)
            store.add_ward(ward)
            plan = WardPlan(ward, headline=f"{name}のめざす姿", allocation=19000)
            plan_id = store.add_ward_plan(edition_id, plan)
            group_id = store.add_ward_group(plan_id, WardGroup("にぎわいづくり", True))
            for n in range(1, 4):
                store.add_ward_project(plan_id, WardProject(
                    f"{name}事業{n}", n, f"事業内容{n}", "continued", 5000, 4800, 4500,
                    group_id=group_id))


@pytest.fixture
def plan_path(tmp_path):
    path = tmp_path / "p.sqlite"
    store = open_plan(path, create=True)
    fill_plan(store)
    store.close()
    return path


@pytest.fixture
def settings(tmp_path):
    from desktop.ui.shell.settings import PREVIEW_ENABLED, Settings
    s = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    s.set(PREVIEW_ENABLED, False)
    return s


@pytest.fixture
def sync_tasks():
    from desktop.ui.worker import Task
    Task.synchronous = True
    yield
    Task.synchronous = False


@pytest.fixture
def window(qtbot, plan_path, settings, sync_tasks):
    from desktop.ui.shell.window import MainWindow
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.show()
    assert w.open_path(plan_path)
    yield w
    w.close()
