"""The December cycle walked in Debian's Chromium as planners and providers live it
, on the bundled example: a planner on a 1366×768 laptop, providers on a
390×844 phone, across three revisions.

Revision 1 is planned; providers answer on their phones (a ``nee`` and a ``zelfde dag``
with remarks); the planner moves one appointment by hand under a week filter, then
chooses a place for another with *Kiezen*, which plans revision 2 and takes everything
pending; one more answer and *Opnieuw plannen* make revision 3; *Versturen* sends, and
every link in every sent message opens its provider's current appointments. On the way:
each section is one click from the top and starts within two screens, the banner says
what happened, *Versturen* and *Kiezen* say beforehand what they will do, and axe-core
finds no serious violation on any page in either viewport. Screenshots of every step
are kept under the test's ``tmp_path`` (``screens/``).
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from herplan.app.suggest import open_region
from herplan.app.web import create_app
from tests.app.test_outbox import smtp  # noqa: F401 (the local SMTP server, a fixture)
from tests.conftest import PLANNED_AS
from tests.web.test_links_last import sent_links
from tests.web.test_planner import NAME, an_allowed_move, example_data, plan_of
from tests.web.test_planner_browser import AXE
from tests.webserver import CHROMIUM, running

LAPTOP = {"viewport": {"width": 1366, "height": 768}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
SECTIONS = ("tijdlijn", "niet-ingepland", "antwoorden", "wijzigingen", "versturen", "bestanden")

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)"
)


class Walk:
    """The browser pages of the walk, with what every step checks."""

    def __init__(self, browser, url: str, shots) -> None:
        self.url, self.shots, self.n = url, shots, 0
        self.laptop = browser.new_context(bypass_csp=True, **LAPTOP).new_page()
        self.phone = browser.new_context(bypass_csp=True, **PHONE).new_page()
        self.violations: dict[str, list[str]] = {}

    def shot(self, page, what: str) -> None:
        self.n += 1
        page.screenshot(path=str(self.shots / f"{self.n:02d}-{what}.png"))

    def axe(self, page, what: str) -> None:
        """axe-core's serious and critical findings on ``page`` as it is now."""
        page.add_script_tag(path=str(AXE))
        found = page.evaluate("async () => (await axe.run(document)).violations")
        said = [
            f"{v['id']}: {v['help']} ({len(v['nodes'])}×)"
            for v in found
            if v["impact"] in ("serious", "critical")
        ]
        if said:
            self.violations[f"{what} at {page.viewport_size['width']} px"] = said

    def both(self, path: str, what: str, fits: bool = True) -> None:
        """``path`` in both viewports: it fits the width (a screen page, not the print
        view), and axe-core finds nothing."""
        for page in (self.laptop, self.phone):
            page.goto(self.url + path)
            if fits:
                assert page.evaluate("document.documentElement.scrollWidth <= innerWidth"), what
            self.axe(page, what)


def top_of(page, selector: str) -> float:
    """Where ``selector`` starts on the page, in px from its top."""
    return page.locator(selector).evaluate("e => e.getBoundingClientRect().top + scrollY")


def a_choice(folder, providers: set[str], dossiers: set[str], not_on: str) -> str:
    """A planned appointment, not of ``providers`` nor one of ``dossiers``, whose best
    other place (``herplan suggest``) is not on the day ``not_on``."""
    region = open_region(folder / "planning", PLANNED_AS, folder / "invoer" / "invoer.xlsx")
    for a in plan_of(folder)["appointments"]:
        if a["provider"] in providers or a["dossier"] in dossiers:
            continue
        options = region.suggest(a["dossier"], top=3).options
        if options and options[0].place.day.isoformat() != not_on:
            return a["dossier"]
    raise AssertionError("no appointment of the example has another place")


def phone_path(link: str) -> str:
    return link[link.index("/a/") :]


def test_the_december_cycle_in_chromium(planned_example, tmp_path, smtp):  # noqa: F811
    from playwright.sync_api import expect, sync_playwright

    data = example_data(planned_example, tmp_path)
    folder = data / NAME
    moved, to_consultant, to_day = an_allowed_move(folder)
    week = date.fromisoformat(to_day).isocalendar()[1]
    shots = tmp_path / "screens"
    shots.mkdir()
    app = create_app(data, time_limit=4, reproducible=True, today=PLANNED_AS)
    with running(app) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        walk = Walk(browser, url, shots)
        planner, phone = walk.laptop, walk.phone

        # Revision 1: every section one click from the top, its first line within two
        # screens of the laptop.
        planner.goto(f"{url}/p/{NAME}")
        for part in SECTIONS:
            planner.locator(f"#sections a[href='#{part}']").click()
            expect(planner.locator(f"section#{part}")).to_be_visible()
            assert top_of(planner, f"section#{part}") < 2 * 768, part
            others = [s for s in SECTIONS if s != part]
            assert all(planner.locator(f"section#{s}").is_hidden() for s in others)
            walk.shot(planner, f"planner-{part}")
            walk.axe(planner, f"planning page, {part}")

        # Answers on a phone: the busiest provider's link, grouped by week, the first
        # appointment to answer within two screens; a nee and a zelfde dag with remarks.
        planner.locator("#sections a[href='#antwoorden']").click()
        rows = planner.locator("#answers input.link")
        links = {r.get_attribute("aria-label")[len("Link ") :]: r.input_value() for r in rows.all()}
        plan = plan_of(folder)
        count = {p: sum(a["provider"] == p for a in plan["appointments"]) for p in links}
        provider = max(count, key=lambda p: count[p])
        phone.goto(url + phone_path(links[provider]))
        assert phone.evaluate("document.documentElement.scrollWidth <= innerWidth")
        first = phone.locator("#first-open").get_attribute("href")
        assert top_of(phone, first) < 2 * 844
        walk.shot(phone, "provider-week")
        walk.axe(phone, "provider page")
        answered = []
        for answer, remark in (
            ("Nee, niet op deze dag", "cliënt is die week weg"),
            ("Zelfde dag, andere tijd", "liever na 10:30"),
        ):
            card = phone.locator("section.appointment.open").first
            dossier = card.locator("input[name=dossier]").input_value()
            if dossier == moved:
                card = phone.locator("section.appointment.open").nth(1)
                dossier = card.locator("input[name=dossier]").input_value()
            card.get_by_label(answer).check()
            card.get_by_label("Opmerking").fill(remark)
            card.get_by_role("button", name="Opslaan").click()
            expect(phone.get_by_role("status")).to_have_text("Opgeslagen.")
            answered.append(dossier)
        walk.shot(phone, "provider-answered")
        nee = phone.locator(f"section.appointment:has(input[value='{answered[0]}'])")
        nee.get_by_role("link", name="Andere plaatsen bekijken").click()
        expect(phone.locator("#places, #no-places").first).to_be_visible(timeout=60_000)
        places = phone.locator("#places li span")
        days = [int(re.search(r"\w+ (\d+) ", t).group(1)) for t in places.all_inner_texts()]
        assert days == sorted(days)  # in date order, ...
        assert all("Locatie" in t for t in places.all_inner_texts())  # ... with the location
        walk.shot(phone, "provider-places")
        walk.axe(phone, "provider's other places")

        # The planner sees the new answers at the top; moves one by hand under a week
        # filter: the filter and the scroll stay, the new place shows.
        planner.goto(f"{url}/p/{NAME}?week={week}")
        expect(planner.locator("#new-answers")).to_have_text("2 nieuwe antwoorden")
        planner.locator("#move-open").click()
        box = planner.locator("#move-form")
        box.locator("input[name=dossier]").fill(moved)
        box.locator("select[name=consulent]").select_option(to_consultant)
        box.locator("select[name=datum]").select_option(to_day)
        planner.locator("#move-check").click()
        expect(planner.locator("#move-result")).to_contain_text("kan naar", timeout=30_000)
        was = planner.evaluate("scrollY")
        assert was > 0
        planner.locator("#move-save").click()
        expect(planner.locator("#move-saved")).to_contain_text(moved, timeout=30_000)
        assert f"week={week}" in planner.url  # the filter kept
        assert abs(planner.evaluate("scrollY") - was) < 5  # and where the planner was
        arrival = planner.locator(
            f"td[data-consultant='{to_consultant}'][data-day='{to_day}'] #arrival-{moved}"
        )
        expect(arrival).to_be_visible()
        walk.shot(planner, "planner-moved")
        walk.axe(planner, "planning page after a move")

        # Kiezen for a planned appointment of another provider: the confirmation says
        # what will happen, and the rerun takes the answers and the move as well.
        chosen = a_choice(folder, {provider}, {moved}, to_day)
        planner.goto(f"{url}/p/{NAME}/opties/{chosen}")
        expect(planner.locator("#options")).to_be_visible(timeout=60_000)
        walk.axe(planner, "options page")
        planner.locator("#options button.choose").first.click()
        confirm = planner.locator(".pop.confirm:popover-open")
        expect(confirm).to_contain_text("maakt revisie 2")
        expect(confirm).to_contain_text("2 nieuwe antwoorden en 1 verplaatsing met de hand")
        walk.shot(planner, "planner-choose-confirm")
        confirm.get_by_role("button", name="Ja, kiezen en opnieuw plannen").click()
        banner = planner.locator("#banner")
        expect(banner).to_contain_text("Revisie 2 is klaar", timeout=120_000)
        expect(banner).to_contain_text("2 antwoorden verwerkt, 2 gekozen of met de hand")
        assert planner.locator("#banner").evaluate("e => e.getBoundingClientRect().top") < 768
        walk.shot(planner, "planner-revision-2")
        second = plan_of(folder)
        pinned = {a["dossier"]: a for a in second["appointments"]}
        assert (pinned[moved]["consultant"], pinned[moved]["date"]) == (to_consultant, to_day)
        said = " ".join(
            f"{c['dossier']} {c.get('reason') or ''} {c.get('remark') or ''}"
            for c in second["changes"]
        )
        assert all(d in said for d in answered) and "liever na 10:30" in said

        # Revision 3: the same phone link still opens (now revision 2); one more answer,
        # and Opnieuw plannen from the top of the page.
        phone.goto(url + phone_path(links[provider]))
        card = phone.locator("section.appointment.open").first
        card.get_by_label("Ja, het gaat door").check()
        card.get_by_role("button", name="Opslaan").click()
        expect(phone.get_by_role("status")).to_have_text("Opgeslagen.")
        planner.goto(f"{url}/p/{NAME}")
        expect(planner.locator("#new-answers")).to_have_text("1 nieuw antwoord")
        planner.locator("#rerun").click()
        expect(planner.locator("#banner")).to_contain_text("Revisie 3 is klaar", timeout=120_000)
        expect(planner.locator("#banner")).to_contain_text("1 antwoord verwerkt")

        # Versturen: the mail server once, the confirmation, the banner.
        planner.locator("#sections a[href='#versturen']").click()
        host, port = smtp.address.rsplit(":", 1)
        smtp_form = planner.locator("#smtp form")
        smtp_form.locator("input[name=server]").fill(host)
        smtp_form.locator("input[name=poort]").fill(port)
        smtp_form.get_by_role("button", name="Mailserver bewaren").click()
        planner.get_by_role("button", name="Versturen", exact=True).click()
        preview = planner.locator("#send-preview").inner_text()
        n, to = map(int, re.match(r"(\d+) berichten aan (\d+) ontvangers", preview).groups())
        walk.shot(planner, "planner-send-confirm")
        walk.axe(planner, "send confirmation")
        planner.get_by_role("button", name="Ja, nu versturen").click()
        expect(planner.locator("#send-report")).to_have_text(
            f"{n} berichten verstuurd aan {to} ontvangers, 0 mislukt.", timeout=60_000
        )
        assert len(smtp.received) == n
        walk.shot(planner, "planner-sent")

        # Every link in every sent message opens its provider's current appointments.
        tokens = set(sent_links(smtp))
        assert tokens
        current = plan_of(folder)
        assert current["revision"] == 3
        for token in sorted(tokens):
            opened = phone.goto(f"{url}/a/{token}")
            assert opened is not None and opened.status == 200, token
            who = phone.locator("h1").inner_text().split(": ", 1)[1]
            theirs = {a["dossier"] for a in current["appointments"] if a["provider"] == who}
            shown = set(
                phone.locator("section.appointment input[name=dossier]").evaluate_all(
                    "inputs => inputs.map(i => i.value)"
                )
            )
            held = phone.locator("section.appointment.held").count()
            assert shown <= theirs and len(shown) + held == len(theirs), who
        walk.shot(phone, "provider-after-send")

        # Every page of the cycle, in both viewports.
        kept = sorted((folder / "planning").rglob("uitgaand/*.eml"))[0]
        message = kept.relative_to(folder / "planning").as_posix()
        for path, what in (
            ("/", "home"),
            (f"/p/{NAME}", "planning"),
            (f"/p/{NAME}?taal=en&zoek=J.B.", "planning, a search"),
            (f"/p/{NAME}/bericht/{message}", "a message"),
            (f"/p/{NAME}/opties/{chosen}", "options"),
            (phone_path(links[provider]), "provider page"),
            (phone_path(links[provider]) + "/opties/1", "provider's places"),
        ):
            walk.both(path, what)
        walk.both(f"/p/{NAME}/afdrukken?week={week}", "print", fits=False)
        # A renewed link: the old one says what happened, on a phone, in its language.
        planner.goto(f"{url}/p/{NAME}#antwoorden")
        row = planner.locator("#answers tr", has=planner.get_by_label(f"Link {provider}"))
        row.get_by_role("button", name="Nieuwe link").click()
        walk.both(phone_path(links[provider]), "a renewed link")
        expect(phone.locator("#closed")).to_contain_text("vervangen door een nieuwe")
        browser.close()
    assert walk.violations == {}
