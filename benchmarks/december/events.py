"""What happens on a simulated day, done as the users do it, and checked right after.

Each event is one step: providers answering (online, in a returned workbook,
late, twice, contradicting a sheet), the planner editing the input, moving an
appointment by hand or choosing an option on the page, a rerun (command line or
page), a send, or a fault. After each step the invariants it could break are
checked (``invariants``) and the result recorded in the report's tally.
"""

from __future__ import annotations

import random
import shutil
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from click.testing import CliRunner
from openpyxl import load_workbook

from benchmarks.december import faults, invariants
from benchmarks.december.invariants import plan_of
from benchmarks.december.ledger import Expected, Given
from benchmarks.december.mail import MailServer
from benchmarks.december.region import Workbook, new_dossier
from benchmarks.december.web import BASE_URL, Page
from herplan.app.cli import main
from herplan.app.links import planning_links
from herplan.app.mailer import send_outbox, smtp_connection
from herplan.app.stores.answers import AnswerStore
from herplan.app.suggest import open_region
from herplan.io.errors import InputError
from herplan.scheduler.timing import hhmm

if TYPE_CHECKING:
    from benchmarks.december.simulation import Simulation

ANSWERS = ("ja", "nee", "nee", "zelfde_dag")
REMARKS = (
    "",
    "",
    "cliënt is die dag ziek",
    "liever na 10:30",
    "begeleider op cursus",
    '=HYPERLINK("http://evil.example")',
    "graag 's middags",
)
SHEET_WORDS = {"ja": "ja", "nee": "nee", "zelfde_dag": "zelfde dag"}


class Events:
    """The day's events of one simulation (module doc)."""

    def __init__(self, sim: Simulation, server: MailServer) -> None:
        self.sim, self.server = sim, server
        self.page: Page | None = None
        self.name = ""
        self.today = date.min
        self.sheets: list[Path] = []  # returned workbooks the next rerun takes
        self.chosen: set[str] = set()  # moved by hand or chosen: pinned by the next rerun
        self.input_changed = False
        self.workbook = Workbook(sim.source)

    # --- the frame of a day ------------------------------------------------------------

    def morning(self, day: date) -> None:
        """A new day: the page's server restarted as of it (a fresh one each morning)."""
        self.close()
        self.today = day
        limit = self.sim.limit if self.name else self.sim.first_limit
        self.page = Page(self.sim.data, day, limit)

    def close(self) -> None:
        if self.page is not None:
            self.page.close()
            self.page = None

    @property
    def folder(self) -> Path:
        return self.sim.data / self.name

    @property
    def planning(self) -> Path:
        return self.folder / "planning"

    def check(self, name: str, found: list[str], step: int, event: str) -> None:
        tally = self.sim.report
        tally.invariants[name] += 1
        for what in found:
            tally.failures.append(
                {
                    "day": self.today.isoformat(),
                    "step": step,
                    "event": event,
                    "invariant": name,
                    "what": what,
                }
            )

    def do(self, kind: str, rng: random.Random, step: int) -> dict[str, object]:
        """Do one event; what it did, for the history."""
        self.step, self.kind = step, kind
        try:
            return getattr(self, f"_{kind}")(rng)
        except (AssertionError, InputError, OSError, KeyError, ValueError) as error:
            self.check("steps_run", [f"{type(error).__name__}: {error}"], step, kind)
            return {"error": str(error)[:300]}

    def _page(self) -> Page:
        assert self.page is not None
        return self.page

    # --- the first plan ------------------------------------------------------------------

    def _first_plan(self, rng: random.Random) -> dict[str, object]:
        page = self._page()
        self.name = page.new_planning(self.sim.source)
        errors = page.wait(self.name)
        self.check("rerun_succeeds", errors, self.step, self.kind)
        self._after_plan(None, Expected(), self.step)
        return {"planned": len(plan_of(self.planning)["appointments"])}

    # --- providers answering ---------------------------------------------------------------

    def _links(self) -> dict[str, str]:
        return {link.provider: link.token for link, _url in planning_links(self.planning)}

    def _open(self, plan: dict, rng: random.Random, n: int) -> list[dict]:
        """Up to ``n`` appointments after today of one provider with a link."""
        later = [a for a in plan["appointments"] if a["date"] > self.today.isoformat()]
        if not later:
            return []
        provider = rng.choice(sorted({a["provider"] for a in later}))
        mine = sorted((a for a in later if a["provider"] == provider), key=lambda a: a["dossier"])
        return rng.sample(mine, min(n, len(mine)))

    def _answer(
        self, link: str, a: dict, answer: str, remark: str, rng: random.Random, racing: bool = False
    ) -> str:
        """One online answer, with a pick now and then after a nee; its result (``racing``:
        while a rerun runs, which may change the page between its reading and the post)."""
        page = self._page()
        status, n = page.answer(link, a["dossier"], answer, remark)
        if status in (0, 409) and racing:
            # A rerun swapped the plan under the provider: its page no longer lists the
            # appointment, or the form it posted is of before (409, nothing stored).
            return "changed" if status == 409 else "gone"
        if status != 303:
            return f"refused {status}"
        pick = ""
        if answer == "nee" and n and rng.random() < 0.4:
            places = page.places(link, n, a["dossier"])
            if places and page.pick(link, n, a["dossier"], places[0]) == 303:
                pick = places[0]
        # The appointment as the page showed it: during a rerun that can already be the
        # new revision's, so it is taken from the answer as kept.
        kept = AnswerStore(self.folder / "antwoorden.sqlite").latest(a["provider"])[a["dossier"]]
        day, start = kept.day.isoformat(), hhmm(kept.start)
        self.sim.ledger.add(
            Given(
                self.sim.ledger.tick(),
                a["dossier"],
                a["provider"],
                answer,
                " ".join(remark.split()),
                day,
                start,
                pick=pick,
            )
        )
        return "picked" if pick else "saved"

    def _answers(
        self, rng: random.Random, count: int = 0, racing: bool = False
    ) -> dict[str, object]:
        """Providers answer online; ``racing``: while a rerun runs (see ``_answer``)."""
        plan, links = plan_of(self.planning), self._links()
        done: Counter = Counter()
        for _ in range(count or rng.randint(1, 3)):
            for a in self._open(plan, rng, rng.randint(1, 4)):
                if a["provider"] in links:
                    said = self._answer(
                        links[a["provider"]],
                        a,
                        rng.choice(ANSWERS),
                        rng.choice(REMARKS),
                        rng,
                        racing,
                    )
                    done[said] += 1
        self.check(
            "answers_kept",
            [f"an answer refused: {k}" for k in done if k.startswith("refused")],
            self.step,
            self.kind,
        )
        return dict(done)

    def _answer_twice(self, rng: random.Random) -> dict[str, object]:
        plan, links = plan_of(self.planning), self._links()
        said = []
        for a in self._open(plan, rng, 1):
            link = links.get(a["provider"])
            if link:
                said.append(self._answer(link, a, "nee", "eerst nee", rng))
                said.append(self._answer(link, a, rng.choice(("ja", "zelfde_dag")), "toch", rng))
        return {"answers": said}

    def _answer_late(self, rng: random.Random) -> dict[str, object]:
        """An answer on an interview held by today: refused, nothing stored."""
        plan, links = plan_of(self.planning), self._links()
        held = [
            a
            for a in plan["appointments"]
            if a["date"] <= self.today.isoformat() and a["provider"] in links
        ]
        if not held:
            return {"held": 0}
        a = rng.choice(held)
        status, _n = self._page().answer(links[a["provider"]], a["dossier"], "nee", "te laat")
        self.check(
            "late_answer_refused",
            []
            if status in (0, 400)  # 0: the page asks nothing, it holds no form
            else [f"an answer on {a['dossier']}, held on {a['date']}, got {status}"],
            self.step,
            self.kind,
        )
        return {"dossier": a["dossier"], "status": status}

    def _sheet(
        self, rng: random.Random, answer: str = "", rows: list[dict] | None = None
    ) -> dict[str, object]:
        """A provider's workbook filled in and returned (taken by the next rerun)."""
        plan = plan_of(self.planning)
        rows = rows or self._open(plan, rng, rng.randint(1, 3))
        if not rows:
            return {"rows": 0}
        provider = rows[0]["provider"]
        stem = plan["file_names"]["aanbieders"][provider]
        target = self.sim.out / "work" / "teruggestuurd" / f"{self.today}-{self.step}-{stem}.xlsx"
        target.parent.mkdir(parents=True, exist_ok=True)
        wb = load_workbook(self.planning / "aanbieders" / f"{stem}.xlsx")
        ws = wb["Planning"]
        header = [c.value for c in ws[1]]
        answers = {a["dossier"]: answer or rng.choice(ANSWERS) for a in rows}
        for row in ws.iter_rows(min_row=2):
            dossier = row[header.index("Dossier")].value
            if dossier in answers:
                row[header.index("Haalbaar")].value = SHEET_WORDS[answers[dossier]]
                row[header.index("Opmerking")].value = f"blad {self.today:%d-%m}"
        # A workbook knows when it was saved to the second (dcterms:modified), all that is
        # left of its time once uploaded: saved in the next second, it is surely later
        # than an online answer given just before, as the ledger's order says.
        time.sleep(1 - time.time() % 1)
        wb.save(target)
        for a in rows:
            self.sim.ledger.add(
                Given(
                    self.sim.ledger.tick(),
                    a["dossier"],
                    provider,
                    answers[a["dossier"]],
                    f"blad {self.today:%d-%m}",
                    a["date"],
                    a["start"],
                    sheet=target,
                )
            )
        self.sheets.append(target)
        return {"provider": provider, "rows": len(rows)}

    def _contradiction(self, rng: random.Random) -> dict[str, object]:
        """An online answer, then a returned sheet that says otherwise: the later counts."""
        plan, links = plan_of(self.planning), self._links()
        rows = [a for a in self._open(plan, rng, 1) if a["provider"] in links]
        for a in rows:
            self._answer(links[a["provider"]], a, "ja", "online ja", rng)
        return self._sheet(rng, answer="nee", rows=rows) if rows else {}

    def _store_busy(self, rng: random.Random) -> dict[str, object]:
        """Providers answer while another connection holds the store's write lock."""
        with faults.busy_store(self.folder / "antwoorden.sqlite", 1.5):
            said = self._answers(rng, count=1)
        return {"while_busy": said}

    # --- the planner edits the input --------------------------------------------------------

    def _future(self, plan: dict) -> list[dict]:
        return [a for a in plan["appointments"] if a["date"] > self.today.isoformat()]

    def _withdraw(self, rng: random.Random) -> dict[str, object]:
        later = self._future(plan_of(self.planning))
        gone = sorted({a["dossier"] for a in rng.sample(later, min(2, len(later)))})
        for dossier in gone:
            self.workbook.withdraw(dossier)
        self.input_changed = True
        return {"withdrawn": gone}

    def _add(self, rng: random.Random) -> dict[str, object]:
        cases = [c for c in self.workbook.cases() if c.get("status") != "geannuleerd"]
        like = rng.choice(cases)
        dossier = new_dossier({str(c["dossier"]) for c in cases}, rng)
        self.workbook.add_case(like, dossier, "N.N.", self.today)
        self.input_changed = True
        return {"added": dossier}

    def _ill(self, rng: random.Random) -> dict[str, object]:
        consultant = rng.choice(self.workbook.consultants())
        first = self.today + timedelta(days=1)
        self.workbook.absent(consultant, first, first + timedelta(days=rng.randint(1, 3)))
        self.input_changed = True
        return {"consultant": consultant, "from": first.isoformat()}

    def _closed(self, rng: random.Random) -> dict[str, object]:
        later = self._future(plan_of(self.planning))
        if not later:
            return {}
        a = rng.choice(later)
        self.workbook.close(a["provider"], a["location"], date.fromisoformat(a["date"]))
        self.input_changed = True
        return {"location": a["location"], "day": a["date"]}

    def _provider_leaves(self, rng: random.Random) -> dict[str, object]:
        """A provider whose contract ends: its rows leave the input, its held interviews stay."""
        plan = plan_of(self.planning)
        held = {a["provider"] for a in plan["appointments"] if a["date"] <= self.today.isoformat()}
        later = {a["provider"] for a in self._future(plan)}
        choice = sorted(held & later) or sorted(later)
        if not choice:
            return {}
        provider = rng.choice(choice)
        self.workbook.remove_provider(provider)
        self.input_changed = True
        return {"provider": provider}

    def _renew(self, rng: random.Random) -> dict[str, object]:
        plan = plan_of(self.planning)
        stale = sorted(
            u["dossier"]
            for u in plan["unscheduled"]
            if {"ondersteuningsplan_verlopen", "geen_ondersteuningsplan"} & set(u["reasons"])
        )
        renewed = rng.sample(stale, min(len(stale), rng.randint(1, 3)))
        for dossier in renewed:
            self.workbook.renew_plan(dossier, self.today - timedelta(days=1))
        self.input_changed = self.input_changed or bool(renewed)
        return {"renewed": renewed}

    # --- the planner on the page -------------------------------------------------------------

    def _suggested(self, dossier: str) -> list:
        region = open_region(self.planning, self.today, self.planning / "invoer" / "invoer.xlsx")
        try:
            return region.suggest(dossier, top=5).options
        except InputError:
            return []

    def _hand_move(self, rng: random.Random) -> dict[str, object]:
        later = [a for a in self._future(plan_of(self.planning)) if a["dossier"] not in self.chosen]
        for a in rng.sample(later, min(3, len(later))):
            options = [o for o in self._suggested(a["dossier"]) if not o.moves]
            if options:
                p = rng.choice(options).place
                status = self._page().move(self.name, a["dossier"], p.consultant, p.day.isoformat())
                self.check(
                    "hand_move_kept",
                    [] if status == 303 else [f"an allowed move of {a['dossier']} got {status}"],
                    self.step,
                    self.kind,
                )
                self.chosen.add(a["dossier"])
                return {"dossier": a["dossier"], "to": f"{p.day}@{p.consultant}"}
        return {}

    def _choose(self, rng: random.Random) -> dict[str, object]:
        """An option chosen for an unplanned case (*Kiezen*): the page reruns at once."""
        plan = plan_of(self.planning)
        for u in rng.sample(plan["unscheduled"], min(4, len(plan["unscheduled"]))):
            options = self._suggested(u["dossier"])
            if options and u["reasons"] != ["geannuleerd"]:
                p = options[0].place
                place = f"{p.day.isoformat()}@{p.consultant}@{hhmm(p.start)}"
                return {"dossier": u["dossier"], **self._web_rerun(chosen=(u["dossier"], place))}
        return self._web_rerun()

    # --- reruns ----------------------------------------------------------------------------

    def _rerun_cli(self, rng: random.Random) -> dict[str, object]:
        before, expected = self._expecting()
        shutil.copyfile(self.sim.source, self.folder / "invoer" / "invoer.xlsx")
        result = CliRunner().invoke(main, self._plan_args(), catch_exceptions=True)
        self.check(
            "rerun_succeeds",
            [] if result.exit_code == 0 else [f"exit {result.exit_code}: {result.output[-500:]}"],
            self.step,
            self.kind,
        )
        return self._taken(before, expected)

    def _plan_args(self) -> list[str]:
        args = [
            "plan",
            str(self.folder / "invoer" / "invoer.xlsx"),
            "--out",
            str(self.planning),
            "--today",
            self.today.isoformat(),
            "--reproducible",
            "--time-limit",
            str(self.sim.limit),
            "--answers",
            str(self.folder),
            "--base-url",
            BASE_URL,
        ]
        return args + [part for sheet in self.sheets for part in ("--feedback", str(sheet))]

    def _rerun_web(self, rng: random.Random) -> dict[str, object]:
        return self._web_rerun()

    def _web_rerun(
        self,
        chosen: tuple[str, str] | None = None,
        during: int = 0,
        rng: random.Random | None = None,
    ) -> dict[str, object]:
        """A rerun from the page (*Opnieuw plannen*, or *Kiezen* with ``chosen``); with
        ``during``, that many providers answer while it runs."""
        page = self._page()
        if chosen:
            self.chosen.add(chosen[0])
        # *Kiezen* uploads nothing: returned sheets wait for the next rerun that sends them.
        before, expected = self._expecting(with_sheets=not chosen)
        waiting = list(self.sheets) if chosen else []
        if chosen:
            status = page.choose(self.name, *chosen)
        else:
            source = self.sim.source if self.input_changed else None
            status = page.rerun(self.name, source, self.sheets)
        self.check(
            "rerun_started", [] if status == 303 else [f"status {status}"], self.step, self.kind
        )
        if during and rng is not None:
            page.reading(self.name)
            self._answers(rng, count=during, racing=True)
        errors = page.wait(self.name)
        self.check("rerun_succeeds", errors, self.step, self.kind)
        said = self._taken(before, expected)
        self.sheets = [*waiting, *self.sheets]
        return said

    def _answers_during_rerun(self, rng: random.Random) -> dict[str, object]:
        return self._web_rerun(during=8, rng=rng)

    def _expecting(self, with_sheets: bool = True) -> tuple[dict, Expected]:
        before = plan_of(self.planning)
        expected = self.sim.ledger.expected(
            before,
            self.today.isoformat(),
            self.sim.ledger.order,
            list(self.sheets) if with_sheets else [],
            set(self.chosen),
        )
        return before, expected

    def _taken(self, before: dict, expected: Expected, tidy: bool = True) -> dict[str, object]:
        """After a rerun: what it took leaves the queues, and every invariant is checked."""
        after = plan_of(self.planning)
        if after["revision"] != before["revision"] + 1:
            return {"revision": after["revision"], "written": False}
        self.sim.ledger.taken_by(expected, after["revision"])
        self.sheets, self.chosen, self.input_changed = [], set(), False
        self._after_plan(before, expected, self.step, tidy)
        return {
            "revision": after["revision"],
            "planned": len(after["appointments"]),
            "changes": len(after["changes"]),
        }

    # --- faults ------------------------------------------------------------------------------

    def _kill(self, rng: random.Random) -> dict[str, object]:
        before, expected = self._expecting()
        shutil.copyfile(self.sim.source, self.folder / "invoer" / "invoer.xlsx")
        call = rng.choice(("rename", "renameat2", "mkdir", "unlinkat", "openat"))
        when = rng.randint(2000, 6000) if call == "openat" else rng.randint(1, 6)
        how, interrupted = faults.kill_rerun(self._plan_args(), call, when, rng.uniform(1.0, 6.0))
        revisions = {before["revision"], before["revision"] + 1}
        self.check(
            "folder_whole", invariants.folder_whole(self.planning, revisions), self.step, self.kind
        )
        # The kill came after the swap: it took them (what it left beside the folder is the
        # next run's to tidy, checked then).
        said = self._taken(before, expected, tidy=False)
        return {"how": how, "interrupted": interrupted, **said}

    def _restart(self, rng: random.Random) -> dict[str, object]:
        """The server restarted while a rerun runs: the rerun dies with it."""
        page = self._page()
        before = plan_of(self.planning)
        source = self.sim.source if self.input_changed else None
        page.rerun(self.name, source, self.sheets)
        job = page.job(self.name)
        while job is not None and job.process is None and not job.done:
            time.sleep(0.01)
        if job is not None and job.process is not None:
            job.process.kill()
        page.wait(self.name)
        self.morning(self.today)  # a new server, as after a restart
        revisions = {before["revision"], before["revision"] + 1}
        self.check(
            "folder_whole", invariants.folder_whole(self.planning, revisions), self.step, self.kind
        )
        return {"revision": plan_of(self.planning)["revision"]}

    def _disk_full(self, rng: random.Random) -> dict[str, object]:
        """A twin of the planning on a disk too small for its next revision."""
        twin_root = self.sim.out / "full"
        size = max(1, faults.used_bytes(self.folder))
        with faults.small_disk(twin_root, size * 4) as mounted:
            twin = twin_root / self.name
            shutil.copytree(self.folder, twin)
            shutil.copyfile(self.sim.source, twin / "invoer" / "invoer.xlsx")
            args = [a.replace(str(self.folder), str(twin)) for a in self._plan_args()]
            before = plan_of(twin / "planning")["revision"]
            if mounted:
                faults.resize(twin_root, faults.used_bytes(twin_root) + size // 3)
                full = faults.herplan(args)
            else:
                full = faults.herplan(args, faults.enospc_after(rng.randint(50, 400)))
            found = (
                []
                if full.returncode == 1
                else [f"a full disk gave exit {full.returncode}: {full.stderr[-300:]}"]
            )
            found += invariants.folder_whole(twin / "planning", {before})
            if mounted:
                faults.resize(twin_root, size * 8)
            again = faults.herplan(args)
            found += (
                []
                if again.returncode == 0
                else [f"after room: exit {again.returncode}: {again.stderr[-300:]}"]
            )
            found += invariants.folder_whole(twin / "planning", {before + 1})
            self.check("folder_whole", found, self.step, self.kind)
        shutil.rmtree(twin_root, ignore_errors=True)
        return {"tmpfs": mounted, "exit_full": full.returncode}

    # --- sending ------------------------------------------------------------------------------

    def _send(
        self, rng: random.Random, refuse: float = 0.0, drop: float = 0.0
    ) -> dict[str, object]:
        handler = self.server.handler
        handler.rng = random.Random(rng.random())
        self.server.faults(refuse, drop)
        first = len(handler.delivered)
        host, port = self.server.address
        report = send_outbox(
            self.planning, smtp_connection(host, port, False, None, None), today=self.today
        )
        self.server.faults(0.0, 0.0)
        now = handler.delivered[first:]
        self.check("sent_once", invariants.sent_once(handler.delivered), self.step, self.kind)
        self._links_open([d.text for d in now], "sent_links_open")
        return {"sent": len(report.sent), "failed": len(report.failed)}

    def _send_faulty(self, rng: random.Random) -> dict[str, object]:
        said = self._send(rng, refuse=0.05, drop=0.02)
        return {**said, "then": self._send(rng)}  # what failed goes the next time

    def _links_open(self, texts: list[str], name: str) -> None:
        tokens = {t for text in texts for t in invariants.LINK.findall(text)}
        found = []
        for token in sorted(tokens):
            status, _html = self._page().opens(token)
            if status != 200:
                found.append(f"link …{token[-6:]} answers {status}")
        self.check(name, found, self.step, self.kind)

    # --- after every new revision ---------------------------------------------------------------

    def _after_plan(
        self, before: dict | None, expected: Expected, step: int, tidy: bool = True
    ) -> None:
        kind, planning = self.kind, self.planning
        self.check("hard_rules", invariants.hard_rules(planning), step, kind)
        if tidy:
            self.check("folder_tidy", invariants.tidy(planning), step, kind)
        self.check("workbooks_match", invariants.workbooks_match(planning), step, kind)
        sent = {d.message_id for d in self.server.handler.delivered}
        pending = invariants.outbox_links(planning, sent)
        self._links_open([f"/a/{p.link}" for p in pending], "outbox_links_open")
        if before is None:
            return
        after = plan_of(planning)
        answers = decided(expected, after)
        self.check("promises", invariants.promises(planning, before, answers), step, kind)
        self.check("count_kept", invariants.count_kept(before, after), step, kind)
        self.check("answers_traced", traced(expected, answers, after), step, kind)


def decided(expected: Expected, after: dict) -> dict[str, str]:
    """The answers as the rerun could apply them: a picked or hand-set place that was no
    longer free is listed, and then the ``nee`` (or nothing) holds instead. Only those
    notes count: a line about a sheet contradicting the page is not one, and when a move
    by hand and a provider's pick meet, the move is pinned and the pick listed."""
    notes = after["answer_conflicts"]
    answers = {}
    for dossier, answer in expected.applied.items():
        mine = [n for n in notes if n.startswith(f"{dossier}:")]
        by_hand_left = any("set by hand" in n or n.endswith("; planned anew") for n in mine)
        pick_left = any("picked online" in n or n.endswith("; planned anew") for n in mine)
        if dossier in expected.picked and answer == "chosen":
            if not by_hand_left:
                answers[dossier] = "chosen"
            # else: a move by hand not applied: planned as any other
        elif dossier in expected.picked:
            answers[dossier] = answer if pick_left else "chosen"
        else:
            answers[dossier] = answer
    return answers


def traced(expected: Expected, answers: dict[str, str], after: dict) -> list[str]:
    """Every answer processed or listed, none twice, every remark kept."""
    lines = {c["dossier"]: c for c in after["changes"]}
    wrong = []
    for dossier, answer in answers.items():
        line = lines.get(dossier)
        if line is not None and line["kind"] == "geannuleerd":
            continue  # withdrawn, or gone from the input: the answer is moot, and said so
        if answer != "chosen" and line is None:
            wrong.append(f"{dossier}: answered {answer}, no line in the changes")
        elif answer == "zelfde_dag" and line is not None and line["cause"] != "same_day":
            wrong.append(f"{dossier}: zelfde dag listed as {line['cause']}")
        remark = expected.remarks.get(dossier, "")
        if remark and line is not None and line.get("remark") != remark:
            wrong.append(f"{dossier}: the remark {remark!r} is not in its line")
    stale = {s["dossier"] for s in after["stale_answers"]}
    late = {s["dossier"] for s in after["late_answers"]}
    wrong += [f"{d}: outdated answer not listed" for d in sorted(expected.stale - stale)]
    wrong += [f"{d}: late answer not listed" for d in sorted(expected.late - late)]
    for c in after["changes"]:
        if c["cause"] in ("nee", "same_day", "confirmed") and c["dossier"] not in answers:
            wrong.append(f"{c['dossier']}: a {c['cause']} line without an answer taken now")
    return wrong
