"""The planner's page in Debian's Chromium on the bundled example.

Each step of the December cycle a planner does without a terminal: read one week of the
timeline at a glance (on a laptop, 1366×768, and a tablet, the page itself never wider
than the window, the consultant column in view), find a dossier, drag an appointment to
a morning where a rule refuses it and read why, move one by hand and plan again, send
the invitations (to a local SMTP server), print one week per A4 landscape page; and no
serious accessibility violation (axe-core, vendored in ``tests/vendor``).
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from herplan.app.web import create_app
from tests.app.test_outbox import smtp  # noqa: F401 (the local SMTP server, a fixture)
from tests.conftest import PLANNED_AS
from tests.web.test_planner import NAME, an_allowed_move, an_away_day, example_data, plan_of
from tests.webserver import CHROMIUM, running

AXE = Path(__file__).parents[1] / "vendor" / "axe-core" / "axe.min.js"
LAPTOP, TABLET = {"width": 1366, "height": 768}, {"width": 820, "height": 1180}

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)"
)


@pytest.fixture
def server(planned_example, tmp_path):
    data = example_data(planned_example, tmp_path)
    with running(create_app(data, time_limit=4, reproducible=True, today=PLANNED_AS)) as url:
        yield url, data / NAME


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


def no_sideways_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"the page is {width} px wide"


def serious_violations(page) -> list[str]:
    """axe-core's serious and critical findings (its script added to the page, which the
    page's own Content-Security-Policy would refuse: the test's context bypasses it)."""
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("async () => (await axe.run(document)).violations")
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}×)"
        for v in found
        if v["impact"] in ("serious", "critical")
    ]


def test_a_week_at_a_glance_on_a_laptop_and_a_tablet(server, browser, tmp_path):
    url, _folder = server
    page = browser.new_page(viewport=LAPTOP, bypass_csp=True)
    page.goto(f"{url}/p/{NAME}")
    no_sideways_scroll(page)
    page.select_option("select[name=week]", "50")
    page.wait_for_url("**week=50**")
    heads = page.locator("#timeline thead th")
    assert 2 <= heads.count() <= 6  # the consultants, and that week's working days
    frame = page.locator("#timeline-scroll").bounding_box()
    table = page.locator("#timeline").bounding_box()
    assert table["width"] <= frame["width"] + 1  # one week fits the laptop's window
    assert frame["x"] >= 0 and frame["x"] + frame["width"] <= LAPTOP["width"]
    assert table["y"] + 200 < LAPTOP["height"]  # the week's first consultants in view at once
    page.screenshot(path=str(tmp_path / "week-laptop.png"))
    no_sideways_scroll(page)
    assert serious_violations(page) == []
    # The whole period: the timeline scrolls inside its frame, the consultants stay in view.
    page.goto(f"{url}/p/{NAME}")
    who = page.locator("#timeline tbody th.who").first
    x = who.bounding_box()["x"]
    page.locator("#timeline-scroll").evaluate("frame => frame.scrollLeft = 1500")
    assert abs(who.bounding_box()["x"] - x) < 1
    page.close()
    tablet = browser.new_page(viewport=TABLET, is_mobile=True, has_touch=True)
    tablet.goto(f"{url}/p/{NAME}?week=50")
    no_sideways_scroll(tablet)
    tablet.screenshot(path=str(tmp_path / "week-tablet.png"), full_page=True)
    tablet.locator("#move-open").click()
    assert tablet.locator("#move-form select[name=consulent]").is_visible()


def test_find_a_dossier_drag_it_to_a_refused_morning_then_move_one_and_plan_again(server, browser):
    from playwright.sync_api import expect

    url, folder = server
    plan = plan_of(folder)
    appointment, consultant, day = an_away_day(plan)
    page = browser.new_page(viewport=LAPTOP)
    page.goto(f"{url}/p/{NAME}")
    page.fill("input[name=zoek]", appointment["dossier"])
    page.get_by_role("button", name="Toon").click()
    page.wait_for_url("**zoek=**")
    expect(page.locator("#figures")).to_contain_text("1")
    expect(page.locator("#hit-list")).to_contain_text(appointment["dossier"])  # hits listed
    page.locator("#timeline button.visit").first.click()
    row = page.locator(f".pop tr.appointment[data-dossier='{appointment['dossier']}']")
    expect(row).to_be_visible()
    page.goto(f"{url}/p/{NAME}")
    source = page.locator(f"tr.appointment[data-dossier='{appointment['dossier']}']")
    opens = source.locator("xpath=ancestor::div[@popover]").get_attribute("id")
    page.locator(f"[popovertarget='{opens}']").first.click()
    target = page.locator(f"td.cell[data-consultant='{consultant}'][data-day='{day}']")
    source.drag_to(target)
    result = page.locator("#move-result")
    expect(result).to_contain_text("kan niet naar", timeout=30_000)
    expect(result).to_contain_text("Regel 4, beschikbaarheid consulent")
    assert json.loads((folder / "planning" / "plan.json").read_text()) == plan  # nothing moved
    # A move the rules allow, from the list (as on a small screen), then plan again.
    dossier, to_consultant, to_day = an_allowed_move(folder)
    page.fill("#move-form input[name=dossier]", dossier)
    page.select_option("#move-form select[name=consulent]", to_consultant)
    page.select_option("#move-form select[name=datum]", to_day)
    page.locator("#move-check").click()
    expect(result).to_contain_text("kan naar", timeout=30_000)
    page.locator("#move-save").click()
    expect(page.locator("#move-saved")).to_contain_text(dossier, timeout=30_000)
    expect(page.locator("#hand")).to_contain_text(dossier)
    page.locator("#rerun").click()
    expect(page.locator("#figures")).to_be_visible(timeout=120_000)
    expect(page.locator("#hand-none")).to_be_visible()
    moved = next(a for a in plan_of(folder)["appointments"] if a["dossier"] == dossier)
    assert (moved["consultant"], moved["date"], moved["pinned"]) == (to_consultant, to_day, True)
    expect(page.locator("#changes")).to_contain_text(dossier)


def test_send_the_invitations_and_print_a_week_per_page(server, browser, smtp, tmp_path):  # noqa: F811
    from playwright.sync_api import expect

    url, folder = server
    messages = len(list((folder / "planning" / "uitgaand").glob("*.eml")))
    page = browser.new_page(viewport=LAPTOP)
    page.goto(f"{url}/p/{NAME}?taal=en#versturen")
    host, port = smtp.address.rsplit(":", 1)
    smtp_form = page.locator("#smtp form")
    smtp_form.locator("input[name=server]").fill(host)
    smtp_form.locator("input[name=poort]").fill(port)
    smtp_form.get_by_role("button", name="Save mail server").click()
    page.get_by_role("button", name="Send", exact=True).click()
    expect(page.locator("#send-preview")).to_contain_text(f"{messages} messages to ")
    page.get_by_role("button", name="Yes, send now").click()
    expect(page.locator("#send-report")).to_contain_text(
        re.compile(rf"{messages} messages sent to \d+ recipients, 0 failed\."), timeout=60_000
    )
    page.locator("#sections a[href='#versturen']").click()
    expect(page.locator("#outbox-count")).to_contain_text("Everything has been sent.")
    assert len(smtp.received) == messages
    assert "taal=en" in page.url  # the language kept through both forms
    page.goto(f"{url}/p/{NAME}/afdrukken")
    pdf = tmp_path / "weken.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    weeks = page.locator("section.week-page").count()
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+(\d+)$", info, re.M).group(1) == str(weeks)
    assert re.search(r"^Page size:\s+84[12][.\d]* x 59[45][.\d]* pts", info, re.M)  # A4 landscape


def test_a_provider_answers_nee_online_and_the_planner_processes_it(server, browser):
    from playwright.sync_api import expect

    url, folder = server
    planner = browser.new_page(viewport=LAPTOP)
    planner.goto(f"{url}/p/{NAME}#antwoorden")
    provider = plan_of(folder)["appointments"][0]["provider"]
    link = planner.get_by_label(f"Link {provider}").input_value()
    phone = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    phone.goto(url + link[link.index("/a/") :])  # the link as this test's server serves it
    first = phone.locator("section.appointment").first
    dossier = first.locator("input[name=dossier]").input_value()
    first.get_by_label("Nee, niet op deze dag").check()
    first.get_by_role("button", name="Opslaan").click()
    expect(phone.locator("section.appointment").first.get_by_role("status")).to_have_text(
        "Opgeslagen."
    )
    before = next(a for a in plan_of(folder)["appointments"] if a["dossier"] == dossier)
    planner.reload()
    expect(planner.locator("#answers")).to_contain_text(f"{dossier}: Nee, niet op deze dag")
    planner.locator("#rerun").click()
    expect(planner.locator("#changes")).to_contain_text(dossier, timeout=120_000)
    after = next((a for a in plan_of(folder)["appointments"] if a["dossier"] == dossier), None)
    assert after is None or after["date"] != before["date"]  # the nee day is never used again


def test_no_serious_accessibility_violation_on_any_page_of_the_cycle(server, browser):
    url, folder = server
    message = sorted((folder / "planning" / "uitgaand").glob("*.eml"))[0].name
    dossier = plan_of(folder)["unscheduled"][0]["dossier"]
    pages = [
        "/",
        f"/p/{NAME}",
        f"/p/{NAME}?taal=en&week=51",
        f"/p/{NAME}/bericht/uitgaand/{message}",
        f"/p/{NAME}/afdrukken?week=49",
        f"/p/{NAME}/opties/{dossier}",
        "/p/bestaat-niet",
    ]
    found = {}
    for viewport in (LAPTOP, TABLET):
        page = browser.new_page(viewport=viewport, bypass_csp=True)
        for path in pages:
            page.goto(url + path)
            if path != f"/p/{NAME}/afdrukken?week=49":
                no_sideways_scroll(page)
            said = serious_violations(page)
            if said:
                found[f"{path} at {viewport['width']} px"] = said
        page.close()
    assert found == {}
