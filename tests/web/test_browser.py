"""The web page in a real browser: Debian's Chromium driven by Playwright.

A planner uploads the workbook, watches the progress page turn into the
planning, opens a visit on the timeline and sees its appointments, and
switches to one provider's view.
"""

from __future__ import annotations

import pytest

from herplan.app.web import create_app
from tests.conftest import PLANNED_AS
from tests.web.test_web import small_input
from tests.webserver import CHROMIUM, running

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)"
)


@pytest.fixture
def server(tmp_path):
    with running(
        create_app(tmp_path / "data", time_limit=3, reproducible=True, today=PLANNED_AS)
    ) as url:
        yield url


def test_upload_watch_and_open_a_visit_in_a_real_browser(server, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    workbook = small_input(tmp_path)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        page.goto(server + "/")
        expect(page.get_by_role("heading", name="Nieuwe planning")).to_be_visible()
        page.set_input_files("input[name=invoer]", str(workbook))
        page.get_by_role("button", name="Plannen").click()
        page.wait_for_url("**/p/*", timeout=60_000)
        expect(page.locator("#figures")).to_contain_text("Ingepland", timeout=60_000)
        visit = page.locator("#timeline button.visit").first
        expect(visit).to_be_visible()
        visit.click()
        details = page.locator(".pop:popover-open")  # a dialog over the page
        expect(details.locator("table")).to_contain_text("D")  # the dossiers with their times
        expect(details.locator("table")).to_contain_text(":")
        page.select_option("select[name=aanbieder]", "Yulius")
        page.wait_for_url("**aanbieder=Yulius**")
        expect(page.locator("#timeline")).to_contain_text("AH")
        page.get_by_role("link", name="English").click()
        expect(page.locator("#figures")).to_contain_text("Planned")
        browser.close()
