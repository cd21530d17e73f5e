from decimal import Decimal

from db.budget import current_stage, execution_rate, format_rate, remaining
from db.records import Totals


def test_execution_rate_rounds_half_up():
    assert execution_rate(Totals(19000, 16, 1)) == Decimal("6.3")  # 6.25 → 6.3, not 6.2
    assert format_rate(execution_rate(Totals(19000, 17482, 15461))) == "88.4%"
    assert execution_rate(Totals(19000, None, 100)) is None
    assert execution_rate(Totals(19000, 0, 0)) is None
    assert format_rate(None) == "－"


def test_current_stage_and_remaining():
    assert current_stage(Totals(19000, 17620, 16701)) == "revised"
    assert current_stage(Totals(19000, None, None)) == "initial"
    assert current_stage(Totals()) is None
    assert remaining(19000, 17620) == 1380
    assert remaining(19000, 20500) == -1500
    assert remaining(None, 100) is None
