"""Places picked and moved by hand, taken together (README, Rerun after cancellations).

Defects the December simulation found: two providers picked the same free place
after their ``nee``, both were pinned there, and every later rerun was refused
by its own guard (rule 10); and a rerun from the command line with the page's
data folder left the moves by hand waiting.
"""

from __future__ import annotations

import json
import shutil

import pytest

from herplan.app.choices import resolve_choices
from herplan.app.run import RunOptions, plan_input
from herplan.app.stores.answers import AnswerStore
from herplan.app.suggest import open_region
from herplan.domain.appointment import Appointment
from herplan.domain.revisions import Rerun
from herplan.findings import Code
from herplan.io import hand_moves
from herplan.io.errors import InputError
from herplan.io.previous import read_previous
from herplan.scheduler.timing import hhmm
from tests.conftest import EXAMPLE, PLANNED_AS, case, consultant, problem, short_morning
from tests.scheduler.test_suggest import booked


def two_nee_one_place(folder) -> tuple[Appointment, Appointment, str]:
    """Two appointments of one provider whose first free option is the same place."""
    region = open_region(folder, PLANNED_AS, EXAMPLE)
    first: dict[str, tuple[Appointment, str]] = {}
    for a in read_previous(folder / "plan.json").appointments:
        options = [o for o in region.suggest(a.dossier, top=3).options if not o.moves]
        if not options:
            continue
        p = options[0].place
        place = f"{p.day.isoformat()}@{p.consultant}@{hhmm(p.start)}"
        if place in first:
            return first[place][0], a, place
        first[place] = (a, place)
    raise AssertionError("no two appointments share a free place in the example")


def test_two_picks_of_one_place_pin_one_and_list_the_other(planned_example, tmp_path):
    source, _ = planned_example
    data = tmp_path / "data"
    folder = data / "planning"
    shutil.copytree(source, folder)
    one, other, place = two_nee_one_place(folder)
    store = AnswerStore(data / "antwoorden.sqlite")
    for a in (one, other):
        store.answer(a, 1, "nee", "ziek", "online", place)
    options = RunOptions(time_limit=2, reproducible=True, today=PLANNED_AS, answers=data)
    planning = plan_input(EXAMPLE, folder, options)  # the guard would refuse a double pin
    at = {a.dossier: a for a in planning.plan.appointments}
    pinned = [
        a
        for a in (one, other)
        if f"{at[a.dossier].day.isoformat()}@"
        f"{at[a.dossier].consultant}@{hhmm(at[a.dossier].start)}" == place
    ]
    assert len(pinned) == 1
    (left,) = {one.dossier, other.dossier} - {pinned[0].dossier}
    assert any(
        c.code is Code.PICKED_ONLINE_TAKEN and c.subject.dossier == left
        for c in planning.plan.answer_conflicts
    )
    assert at[left].day != (one if left == one.dossier else other).day  # its nee still holds


def test_choosing_the_same_place_twice_is_refused_the_second_time():
    p = problem(
        [case("D1"), case("D2"), case("D3")], [consultant("AH")], morning=short_morning(150)
    )
    rerun = Rerun(
        previous=(booked(p, "D1", "AH", p.settings.period_start, 9 * 60),),
        revision=1,
        today=PLANNED_AS,
    )
    place = f"{p.settings.period_start.isoformat()}@AH@10:00"
    (chosen,) = resolve_choices(p, rerun, [f"D2={place}"])
    assert chosen.place.start == 10 * 60
    with pytest.raises(InputError, match=r"D3=.*no such option"):
        resolve_choices(p, rerun, [f"D2={place}", f"D3={place}"])


def test_a_rerun_with_the_pages_data_folder_takes_the_moves_by_hand(planned_example, tmp_path):
    source, _ = planned_example
    data = tmp_path / "data"
    folder = data / "planning"
    shutil.copytree(source, folder)
    region = open_region(folder, PLANNED_AS, EXAMPLE)
    for a in read_previous(folder / "plan.json").appointments:
        options = [o for o in region.suggest(a.dossier, top=3).options if not o.moves]
        if options:
            p = options[0].place
            break
    place = f"{p.day.isoformat()}@{p.consultant}@{hhmm(p.start)}"
    hand_moves.add(data, hand_moves.HandMove(a.dossier, place))
    AnswerStore(data / "antwoorden.sqlite")
    options_ = RunOptions(time_limit=2, reproducible=True, today=PLANNED_AS, answers=data)
    plan_input(EXAMPLE, folder, options_)
    after = json.loads((folder / "plan.json").read_text())
    moved = next(x for x in after["appointments"] if x["dossier"] == a.dossier)
    assert f"{moved['date']}@{moved['consultant']}@{moved['start']}" == place
    assert moved["pinned"] is True and hand_moves.pending(data) == []
