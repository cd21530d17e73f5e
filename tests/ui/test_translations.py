"""Japanese is the default UI language: every string translated, the .qm built on demand."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from desktop.ui import i18n


def test_every_string_has_a_japanese_translation():
    tree = ET.parse(i18n.TRANSLATIONS / "planbook_ja.ts")
    messages = tree.getroot().findall("context/message")
    assert len(messages) > 250
    for message in messages:
        translation = message.find("translation")
        source = message.find("source").text
        assert translation.get("type") is None, source
        assert translation.text and translation.text.strip(), source


def test_japanese_ui_loads_and_english_is_selectable(qtbot, qapp, settings, plan_path, sync_tasks):
    from desktop.ui.mainwindow import MainWindow
    assert i18n.qm_path("ja") is not None
    try:
        assert i18n.install(qapp, "ja")
        window = MainWindow(settings)
        qtbot.addWidget(window)
        assert window.menuBar().actions()[0].text() == "ファイル(&F)"
        assert window.open_path(plan_path)
        assert any(n.label == "ビジョン" for n in window.nav_model.by_key.values())
        requested = []
        window.language_change_requested.connect(requested.append)
        window.actions_["actionLanguageEn"].trigger()
        assert requested == ["en"]
        window.close()
    finally:
        i18n.install(qapp, "en")
    assert qapp.translate("MainWindow", "&File") == "&File"
