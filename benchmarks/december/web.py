"""The web page as its users reach it: a planner in a browser, providers on their links.

Through Starlette's test client on the real application (``herplan.app.web``),
by the forms' own fields, so what the simulation does is what a person can do.
"""

from __future__ import annotations

import re
import time
from datetime import date
from pathlib import Path

from starlette.testclient import TestClient

from herplan.app.web import create_app

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSRF = re.compile(r'name="csrf" value="([^"]+)"')
PLACE = re.compile(r'name="plaats" value="(\d{4}-\d{2}-\d{2}@[^"]+)"')
BASE_URL = "http://127.0.0.1:8000"


class Page:
    """One day's server (a fresh one each morning, as after a restart): the planner's
    client, and one per provider, each from an address of its own."""

    def __init__(self, data: Path, today: date, limit: float) -> None:
        app = create_app(
            data, time_limit=limit, reproducible=True, hosts=("testserver",), today=today
        )
        self.app = app
        self.client = TestClient(app)
        self.client.__enter__()
        self.providers: dict[str, TestClient] = {}

    def close(self) -> None:
        for phone in self.providers.values():
            phone.__exit__(None, None, None)
        self.client.__exit__(None, None, None)

    def token(self) -> str:
        found = CSRF.search(self.client.get("/").text)
        assert found is not None, "the home page carries no form token"
        return found.group(1)

    def new_planning(self, source: Path) -> str:
        files = [("invoer", (source.name, source.read_bytes(), XLSX))]
        answer = self.client.post(
            "/nieuw", files=files, data={"csrf": self.token()}, follow_redirects=False
        )
        assert answer.status_code == 303, answer.text[:500]
        return answer.headers["location"].split("/")[2]

    def rerun(self, name: str, source: Path | None, sheets: list[Path]) -> int:
        files = [("teruggestuurd", (p.name, p.read_bytes(), XLSX)) for p in sheets]
        if source is not None:
            files.append(("invoer", (source.name, source.read_bytes(), XLSX)))
        answer = self.client.post(
            f"/p/{name}/wijzigingen",
            data={"csrf": self.token()},
            files=files or None,
            follow_redirects=False,
        )
        return answer.status_code

    def move(self, name: str, dossier: str, consultant: str, day: str) -> int:
        """A move by hand; refused as confirmed by the provider (409), the planner ticks
        that it moves anyway and gives a reason, as the page asks."""
        fields = {"csrf": self.token(), "dossier": dossier, "consulent": consultant, "datum": day}
        sent = self.client.post(f"/p/{name}/verplaats", data=fields, follow_redirects=False)
        if sent.status_code == 409:
            fields |= {"ja_verplaatsen": "1", "reden": "de consulent is die dag nodig elders"}
            sent = self.client.post(f"/p/{name}/verplaats", data=fields, follow_redirects=False)
        return sent.status_code

    def choose(self, name: str, dossier: str, place: str) -> int:
        fields = {"csrf": self.token(), "dossier": dossier, "optie": place}
        return self.client.post(f"/p/{name}/kies", data=fields, follow_redirects=False).status_code

    def job(self, name: str):
        return self.app.state.plannings.jobs.get(name)

    def wait(self, name: str, seconds: float = 600) -> list[str]:
        """The run's errors once it ended (none: it wrote a plan)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            status = self.client.get(f"/p/{name}/status").json()
            if status["done"]:
                return list(status["errors"])
            time.sleep(0.1)
        raise TimeoutError(f"the run of {name} did not end in {seconds} s")

    def reading(self, name: str, seconds: float = 120) -> None:
        """Until the run has read its input and answers (its first progress report)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            job = self.job(name)
            if job is None or job.progress is not None or job.done:
                return
            time.sleep(0.05)

    # --- a provider on its link ----------------------------------------------------------

    def provider(self, link: str) -> TestClient:
        """The client of the provider whose link this is: its own phone, its own address."""
        if link not in self.providers:
            n = len(self.providers)
            phone = TestClient(self.app, client=(f"10.0.{n // 250}.{n % 250 + 1}", 40000))
            phone.__enter__()
            self.providers[link] = phone
        return self.providers[link]

    def answer(self, link: str, dossier: str, answer: str, remark: str) -> tuple[int, str]:
        """One answer on the provider's page: the status (0: the page asks nothing, or does
        not list the appointment: a person cannot answer it), and the number of the
        appointment on the page (from the redirect)."""
        phone = self.provider(link)
        page = phone.get(f"/a/{link}")
        if page.status_code != 200:
            return page.status_code, ""
        csrf = CSRF.search(page.text)
        if csrf is None or f"({dossier})" not in page.text:  # nothing asked, or not listed
            return 0, ""
        fields = {
            "csrf": csrf.group(1),
            "dossier": dossier,
            "antwoord": answer,
            "opmerking": remark,
        }
        shown = re.search(
            rf'name="dossier" value="{re.escape(dossier)}"><input type="hidden" '
            r'name="afspraak" value="([^"]+)"',
            page.text,
        )
        if shown is not None:  # as a browser posts the form it showed
            fields["afspraak"] = shown.group(1)
        sent = phone.post(f"/a/{link}", data=fields, follow_redirects=False)
        found = re.search(r"opgeslagen=(\d+)", sent.headers.get("location", ""))
        return sent.status_code, found.group(1) if found else ""

    def options_page(self, link: str, n: str, dossier: str) -> str | None:
        """Appointment ``n``'s page of other places, when it is ``dossier``'s: a rerun
        that swapped the plan in since the answer renumbers the page, and a person
        picks only for the appointment they answered."""
        page = self.provider(link).get(f"/a/{link}/opties/{n}")
        shown = re.search(r'name="dossier" value="([^"]+)"', page.text)
        if page.status_code != 200 or shown is None or shown.group(1) != dossier:
            return None
        return page.text

    def places(self, link: str, n: str, dossier: str) -> list[str]:
        text = self.options_page(link, n, dossier)
        return PLACE.findall(text) if text is not None else []

    def pick(self, link: str, n: str, dossier: str, place: str) -> int:
        """The place picked on ``dossier``'s page (0: the page shows another one now)."""
        phone = self.provider(link)
        text = self.options_page(link, n, dossier)
        csrf = CSRF.search(text or "")
        if text is None or csrf is None:
            return 0
        fields = {"csrf": csrf.group(1), "n": n, "plaats": place}
        for name in ("dossier", "afspraak"):  # the appointment the page showed
            found = re.search(rf'name="{name}" value="([^"]+)"', text)
            if found is not None:
                fields[name] = found.group(1)
        return phone.post(f"/a/{link}/kies", data=fields, follow_redirects=False).status_code

    def opens(self, link: str) -> tuple[int, str]:
        page = self.provider(link).get(f"/a/{link}")
        return page.status_code, page.text
