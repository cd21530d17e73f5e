"""Shared fixtures: the sample plan in memory, temp-file plans, isolated per-user data."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hypothesis import HealthCheck, settings  # noqa: E402

from db.interchange import export_json  # noqa: E402

# CI runs the same examples every time (a failure there is reproducible, never a coin toss) and
# without per-example deadlines, which a loaded 2-core machine can miss.
settings.register_profile("ci", derandomize=True, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
if os.environ.get("CI"):
    settings.load_profile("ci")
from db.sample import load_sample  # noqa: E402
from db.store import memory_plan, open_plan  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory, monkeypatch):
    """No test touches the real per-user plan file."""
    monkeypatch.setenv("PLANBOOK_DATA_DIR", str(tmp_path_factory.mktemp("userdata")))


@pytest.fixture(scope="session")
def sample_json() -> str:
    """The sample as exported by PlanBook (canonical form)."""
    store = memory_plan()
    load_sample(store)
    text = export_json(store)
    store.close()
    return text


@pytest.fixture
def sample_store():
    store = memory_plan()
    load_sample(store)
    yield store
    store.close()


@pytest.fixture
def sample_file(tmp_path):
    """A real plan file on disk holding the sample; yields its path."""
    path = tmp_path / "plan.sqlite"
    with open_plan(path, create=True) as store:
        load_sample(store)
    return path


def _unlocked_sample(store) -> None:
    """The sample as it was before its 令和4年度 was made final (for tests that write to the
    ward sheets through paths the lock refuses: raw SQL damage, replacing imports)."""
    import json

    from db.interchange import import_document
    from db.sample import sample_text

    data = json.loads(sample_text())
    for edition in data["editions"]:
        edition["status"] = "draft"
    import_document(store, data)


@pytest.fixture
def unlocked_sample_store():
    store = memory_plan()
    _unlocked_sample(store)
    yield store
    store.close()


@pytest.fixture
def unlocked_sample_file(tmp_path):
    path = tmp_path / "plan.sqlite"
    with open_plan(path, create=True) as store:
        _unlocked_sample(store)
    return path
