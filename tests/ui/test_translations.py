"""Japanese is the default UI language: every string translated, the .qm built on demand."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from desktop.ui.shell import i18n


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
    from desktop.ui.shell.window import MainWindow
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


def ui_strings() -> set[tuple[str, str]]:
    """Every (context, source) the UI code asks to translate, found in its syntax tree:
    ``self.tr("…")`` (context: the class), ``t("…")`` (the module's ``t`` context),
    ``QCoreApplication.translate("Ctx", "…")`` and ``QT_TRANSLATE_NOOP("Ctx", "…")``."""
    import ast
    from pathlib import Path

    found: set[tuple[str, str]] = set()
    for path in sorted(Path(i18n.__file__).parents[1].rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module_context = None
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name == "t":
                for call in ast.walk(node):
                    if isinstance(call, ast.Call) and getattr(call.func, "attr", "") == "translate":
                        module_context = call.args[0].value

        def visit(node, cls, module_context=module_context):
            for child in ast.iter_child_nodes(node):
                visit(child, child.name if isinstance(child, ast.ClassDef) else cls,
                      module_context)
            if not isinstance(node, ast.Call):
                return
            func, args = node.func, node.args
            strings = [a.value for a in args if isinstance(a, ast.Constant)
                       and isinstance(a.value, str)]
            if isinstance(func, ast.Attribute) and func.attr == "tr" and len(args) == 1 \
                    and len(strings) == 1 and cls:
                found.add((cls, strings[0]))
            elif isinstance(func, ast.Name) and func.id == "t" and len(strings) == 1 \
                    and len(args) == 1 and module_context:
                found.add((module_context, strings[0]))
            elif (getattr(func, "attr", None) == "translate" or getattr(func, "id", None) in
                  ("QT_TRANSLATE_NOOP",)) and len(args) >= 2 and len(strings) >= 2 \
                    and isinstance(args[0], ast.Constant) and isinstance(args[1], ast.Constant):
                found.add((args[0].value, args[1].value))

        visit(tree, None)
    return found


def test_every_ui_string_is_in_the_japanese_translation():
    tree = ET.parse(i18n.TRANSLATIONS / "planbook_ja.ts")
    present = {(context.find("name").text, message.find("source").text)
               for context in tree.getroot().findall("context")
               for message in context.findall("message")}
    missing = sorted(ui_strings() - present)
    assert not missing, missing


def test_amount_refusals_speak_the_interface_language(qapp):
    import pytest

    from db.money import AmountError
    from desktop.ui.tables.cells import parse_cell_amount

    try:
        assert i18n.install(qapp, "ja")
        with pytest.raises(AmountError) as refused:
            parse_cell_amount("1,2,3")
        assert str(refused.value) == ("「1,2,3」は金額ではありません: 24,300 のように数字で入力して"
                                      "ください（千円単位）")
        assert refused.value.reason == "format"
    finally:
        i18n.install(qapp, "en")
    with pytest.raises(AmountError, match="use digits like 24,300"):
        parse_cell_amount("1,2,3")
    with pytest.raises(AmountError, match="too large"):
        parse_cell_amount("99999999999999999999")
