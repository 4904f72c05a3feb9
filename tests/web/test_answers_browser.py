"""A provider answers from its link on a phone, in a real browser (Debian's Chromium,
driven by Playwright): it reads its appointments, says ``nee`` with a remark, looks
at the other places and picks one; the page fits the phone's width throughout."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from herplan.app.cli import main
from herplan.app.links import planning_links
from herplan.app.stores.answers import AnswerStore
from herplan.app.web import create_app
from tests.conftest import PLANNED_AS
from tests.web.test_answers import two_providers
from tests.webserver import CHROMIUM, running

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)"
)
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 3,
}


def _fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def planned_region(tmp_path):
    """The two providers planned into a page's data folder as of 30 November: its folder."""
    folder = tmp_path / "data" / "regio"
    (folder / "invoer").mkdir(parents=True)
    source = two_providers(folder / "invoer").rename(folder / "invoer" / "invoer.xlsx")
    args = [
        "plan",
        str(source),
        "--out",
        str(folder / "planning"),
        "--reproducible",
        "--time-limit",
        "3",
        "--today",
        "2026-11-30",
    ]
    assert CliRunner().invoke(main, args).exit_code == 0
    return folder


def test_a_provider_answers_on_a_phone(tmp_path):
    from playwright.sync_api import expect, sync_playwright

    folder = planned_region(tmp_path)
    with running(
        create_app(tmp_path / "data", time_limit=3, reproducible=True, today=PLANNED_AS)
    ) as server:
        url = dict((link.provider, u) for link, u in planning_links(folder / "planning", server))
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_context(**PHONE).new_page()
            page.goto(url["Yulius"])
            expect(page.get_by_role("heading", level=1)).to_contain_text("Yulius")
            first = page.locator("section.appointment").first
            expect(first).to_contain_text("(D")
            expect(page.locator("body")).not_to_contain_text("Lelie")
            assert _fits(page)
            first.get_by_label("Nee, niet op deze dag").check()
            first.get_by_label("Opmerking").fill("cliënt is die week weg")
            first.get_by_role("button", name="Opslaan").click()
            saved = page.locator("section.appointment").first
            expect(saved.get_by_role("status")).to_have_text("Opgeslagen.")
            expect(saved.locator("legend")).to_have_text("Nee, niet op deze dag")
            saved.get_by_role("link", name="Andere plaatsen bekijken").click()
            expect(page.locator("#places li").first).to_be_visible()
            assert _fits(page)
            choice = page.locator("#places li span").first.inner_text()
            page.get_by_role("button", name="Deze kiezen").first.click()
            expect(page.locator("section.appointment").first).to_contain_text("Gekozen:")
            assert _fits(page)
            browser.close()
    (answer,) = AnswerStore(folder / "antwoorden.sqlite").latest().values()
    assert answer.answer == "nee" and answer.remark == "cliënt is die week weg"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d@AH@\d\d:\d\d", answer.choice)
    assert int(choice.split()[1]) == int(answer.choice[8:10])  # "maandag 7 december, ..."


def test_a_provider_corrects_a_support_plan_on_a_phone(tmp_path):
    """The clients' page (README, Corrections) on a phone: it fits, axe finds nothing
    serious, and a new support plan given there waits for the planner."""
    from playwright.sync_api import expect, sync_playwright

    from herplan.app.stores.corrections import CorrectionStore
    from tests.web.test_planner_browser import serious_violations

    folder = planned_region(tmp_path)
    with running(
        create_app(tmp_path / "data", time_limit=3, reproducible=True, today=PLANNED_AS)
    ) as server:
        url = dict((link.provider, u) for link, u in planning_links(folder / "planning", server))
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_context(**PHONE, bypass_csp=True).new_page()
            page.goto(url["Yulius"])
            page.get_by_role("link", name="Gegevens van uw cliënten").click()
            first = page.locator("section.client").first
            expect(first).to_contain_text("(D")
            assert _fits(page)
            assert serious_violations(page) == []
            first.get_by_text("Iets corrigeren").click()
            plan = first.locator("form").first
            plan.get_by_label("Datum", exact=True).fill("2026-11-20")
            plan.get_by_role("button", name="Doorgeven").click()
            expect(page.locator("#saved")).to_have_text("Doorgegeven. De planner beslist erover.")
            expect(page.locator("section.client").first).to_contain_text("wacht op de planner")
            assert _fits(page)
            browser.close()
    (given,) = CorrectionStore(folder / "correcties.sqlite").listed()
    assert (given.provider, given.kind, given.value, given.status) == (
        "Yulius",
        "ondersteuningsplan",
        "2026-11-20",
        "open",
    )
