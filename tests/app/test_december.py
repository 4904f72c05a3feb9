"""A whole December in one test (README, A December in one test).

The real product driven through every working day of a region's period with a
seeded stream of answers, edits, moves, reruns, sends and faults, every
invariant checked after every step (``benchmarks/december``). One seed of the
example here; three more and a region of 300 in the slow suite.
"""

from __future__ import annotations

import json

import pytest

from benchmarks.december import simulate
from benchmarks.december.simulation import FAULTS
from tests.web.test_answers import region as two_providers  # noqa: F401 (a fixture)

EVERY_KIND = {
    "first_plan",
    "answers",
    "answer_twice",
    "answer_late",
    "sheet",
    "contradiction",
    "withdraw",
    "add",
    "ill",
    "closed",
    "provider_leaves",
    "renew",
    "hand_move",
    "rerun_cli",
    "rerun_web",
    "send",
    "kill",
    "disk_full",
    "store_busy",
    "restart",
    "answers_during_rerun",
    "send_faulty",
}
INVARIANTS = {
    "hard_rules",
    "promises",
    "answers_traced",
    "count_kept",
    "workbooks_match",
    "outbox_links_open",
    "sent_links_open",
    "sent_once",
    "folder_whole",
    "folder_tidy",
    "late_answer_refused",
    "rerun_succeeds",
}


def simulated(tmp_path, region: str, seed: int) -> dict:
    out = tmp_path / f"{region}-{seed}"
    report = simulate(region, seed, out)
    said = "\n".join(
        f"{f['day']} step {f['step']} ({f['event']}): {f['invariant']}: {f['what']}"
        for f in report.failures[:20]
    )
    assert report.ok, f"seed {seed}:\n{said}"
    written = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert written["failures"] == [] and written["simulated_days"] >= 20
    assert set(written["events"]) >= EVERY_KIND, EVERY_KIND - set(written["events"])
    assert set(written["invariants_checked"]) >= INVARIANTS
    assert (out / "invoer.xlsx").is_file() and (out / "planning" / "plan.json").is_file()
    return written


def test_a_december_of_the_example(tmp_path):
    written = simulated(tmp_path, "example", 1)
    assert set(FAULTS) - {"mail_faults"} <= set(written["events"])


def test_the_same_seed_gives_the_same_history(tmp_path):
    """Replaying the first days twice gives the same events, each doing the same."""
    first = simulate("example", 3, tmp_path / "one", until=("2026-11-30", 2))
    again = simulate("example", 3, tmp_path / "two", until=("2026-11-30", 2))
    assert first.history == again.history and first.stopped_at == "2026-11-30:2"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("region", "seed"), [("example", 2), ("example", 3), ("example", 4), ("M", 1)]
)
def test_more_decembers(tmp_path, region, seed):
    simulated(tmp_path, region, seed)


def test_a_simulated_provider_answers_only_what_its_page_lists(two_providers):  # noqa: F811
    """Answering while a rerun runs, the page a provider reloads may no longer list the
    appointment: a person cannot answer it, and the simulation does not post it."""
    from benchmarks.december.web import Page
    from herplan.app.stores.answers import AnswerStore
    from tests.web.test_answers import TODAY, links_on_page, mine

    client, name, folder = two_providers
    link = links_on_page(client, name)["Yulius"]
    page = Page(folder.parent, TODAY, 3)
    try:
        assert page.answer(link, mine(folder, "Lelie")[0], "nee", "") == (0, "")
        assert page.answer(link, mine(folder, "Yulius")[0], "nee", "")[0] == 303
    finally:
        page.close()
    assert set(AnswerStore(folder / "antwoorden.sqlite").latest()) == {mine(folder, "Yulius")[0]}


def test_a_simulated_provider_picks_only_for_the_appointment_it_answered(two_providers):  # noqa: F811
    """A rerun swapped in between a ``nee`` and its pick renumbers the provider's page:
    the options page of number ``n`` then shows another appointment, and a person does
    not pick a place for an appointment they did not answer (the ledger would not know
    that pick)."""
    from benchmarks.december.web import Page
    from herplan.app.stores.answers import AnswerStore
    from tests.web.test_answers import TODAY, links_on_page, mine

    client, name, folder = two_providers
    link = links_on_page(client, name)["Yulius"]
    answered, other = mine(folder, "Yulius")[:2]
    page = Page(folder.parent, TODAY, 3)
    try:
        status, n = page.answer(link, answered, "nee", "")
        assert status == 303 and n
        assert page.options_page(link, n, answered) is not None
        assert page.places(link, n, other) == []
        assert page.pick(link, n, other, f"{TODAY.isoformat()}@XX01@09:00") == 0
    finally:
        page.close()
    stored = AnswerStore(folder / "antwoorden.sqlite").latest()
    assert set(stored) == {answered} and stored[answered].choice == ""
