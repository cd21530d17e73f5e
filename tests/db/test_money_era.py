import pytest
from hypothesis import given
from hypothesis import strategies as st

from db.era import era_label, era_short, parse_fiscal_year, publication_label
from db.money import AmountError, format_amount, format_previous, parse_amount


@given(st.integers(min_value=-10**13, max_value=10**13))
def test_parse_of_format_is_identity(value):
    assert parse_amount(format_amount(value)) == value
    assert parse_amount(format_amount(value, unit=True)) == value


@pytest.mark.parametrize("text, value", [
    ("24300", 24300), ("24,300", 24300), ("２４，３００", 24300), ("24,300千円", 24300),
    ("２４，３００千円", 24300), ("△1,200", -1200), ("▲1200", -1200), ("-1200", -1200),
    (" 0 ", 0), ("", None), ("　", None), (None, None), ("13,384,000千円", 13384000),
])
def test_parse_accepts_what_users_type(text, value):
    assert parse_amount(text) == value


@pytest.mark.parametrize("text, why", [
    ("1,2,3", "use digits"), ("12.5", "no decimals"), ("24,30", "use digits"),
    ("abc", "use digits"), ("千円", "no digits"), ("1万円", "use digits"), ("△", "no digits"),
    ("12 34", "use digits"),
])
def test_parse_rejects_with_a_message(text, why):
    with pytest.raises(AmountError, match=why):
        parse_amount(text)


def test_parse_can_refuse_negatives():
    with pytest.raises(AmountError, match="cannot be negative"):
        parse_amount("△5", allow_negative=False)


def test_formatting():
    assert format_amount(24300, unit=True) == "24,300千円"
    assert format_amount(-1200) == "△1,200"
    assert format_amount(None) == ""
    assert format_previous(None) == "(-)"
    assert format_previous(11498000) == "(11,498,000千円)"
    with pytest.raises(TypeError):
        format_amount(1.5)


def test_eras():
    assert era_label(2024) == "令和6年度"
    assert era_label(2019) == "令和元年度"
    assert era_label(2018) == "平成30年度"
    assert era_short(2022) == "R4"
    assert publication_label("2024-06") == "令和6年(2024年)6月"


@pytest.mark.parametrize("text, year", [
    ("2024", 2024), ("R6", 2024), ("r6", 2024), ("令和6", 2024), ("令和6年度", 2024),
    ("令和元年", 2019), ("Ｒ４", 2022), ("H30", 2018), ("平成元年度", 1989),
])
def test_fiscal_year_input(text, year):
    assert parse_fiscal_year(text) == year


@pytest.mark.parametrize("text", ["R", "2024年", "令和", "H40", "1800", "x6"])
def test_fiscal_year_refused(text):
    with pytest.raises(ValueError):
        parse_fiscal_year(text)
