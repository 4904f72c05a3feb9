"""The planner's overview: figures that add up, the load per consultant with outliers marked."""

from __future__ import annotations

from dataclasses import replace
from io import BytesIO

from openpyxl import load_workbook

from herplan.io.overview import OUTLIER_FILL, overview_bytes
from herplan.scheduler.load import consultant_loads
from tests.conftest import case, consultant, problem, solve


def _plan(**caps):
    cases = [case(f"D{n}") for n in range(6)]
    people = [consultant("AH"), consultant("BK", **caps)]
    return solve(problem(cases, people))


def test_usable_mornings_follow_the_weekly_cap():
    plan = _plan(max_mornings_per_week=1)
    loads = {x.consultant.id: x for x in consultant_loads(plan)[0]}
    assert loads["AH"].available == loads["AH"].usable == 4  # Tuesday to Friday
    assert loads["BK"].available == 4 and loads["BK"].usable == 1  # one morning a week
    assert sum(x.interviews for x in loads.values()) == len(plan.appointments) == 6


def test_a_consultant_far_above_or_below_the_rest_is_marked_on_sheet_belasting():
    plan = _plan()
    assert not any(x.mark for x in consultant_loads(plan)[0])  # the fair-load objective
    lopsided = replace(
        plan, appointments=tuple(replace(a, consultant="AH") for a in plan.appointments)
    )
    loads, middle = consultant_loads(lopsided)
    marks = {x.consultant.id: x.mark for x in loads}
    assert marks == {"AH": "high", "BK": "low"} and middle == 6 / 4 / 2
    ws = load_workbook(BytesIO(overview_bytes(lopsided)))["Belasting"]
    rows = {r[0].value: r for r in ws.iter_rows(min_row=2, max_row=3)}
    assert rows["AH"][7].value == "veel meer dan de rest"
    assert rows["BK"][7].value == "veel minder dan de rest"
    assert rows["AH"][0].fill.fgColor.rgb.endswith(OUTLIER_FILL)
    assert "mediaan van 0,75" in ws.cell(5, 1).value
