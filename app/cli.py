"""The ``herplan`` command line: a thin shell over the library (README, Commands).

It parses options, calls ``herplan.app.run``, prints, and maps failures
to exit statuses: 0 = plan written (unplanned reassessments are an outcome,
not an error), 1 = no plan could be made or written (the folder is left as it
was), 2 = bad input or usage.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from herplan.io.errors import InputError

if TYPE_CHECKING:
    from starlette.applications import Starlette

    from herplan.domain.revisions import StaleAnswer

# Each command imports what it needs when it runs: the engine (CP-SAT, and pandas
# with it) takes a second to load, and `herplan suggest` answers without it.

MAX_SEED = 2**31 - 1


def _base_url(value: str | None) -> str | None:
    from herplan.app.links import base_url

    try:
        return base_url(value) if value else None
    except InputError as error:
        raise click.BadParameter(error.messages[0], param_hint="--base-url") from None


def _fail_input(error: InputError) -> None:
    click.echo("The input has errors; nothing was written:", err=True)
    for message in error.messages:
        click.echo(f"  {message}", err=True)
    sys.exit(2)


def _private_if_the_pages(folder: Path) -> None:
    """Writing into a planning of the page (``DATA/<naam>/planning``): this user's only,
    as ``herplan serve`` writes it (README, What is kept where)."""
    from herplan.app.private import is_page_planning, private_umask

    if is_page_planning(folder):
        private_umask()


@contextmanager
def _failures_said(out: Path) -> Iterator[None]:
    """A run that writes nothing says why and exits: 2 bad input, 1 no plan, 130 Ctrl-C."""
    from herplan.io.finding_words import render
    from herplan.scheduler.verify import PlanRejected

    try:
        yield
    except InputError as error:
        _fail_input(error)
    except PlanRejected as error:
        click.echo(
            f"The plan failed its final check; nothing was written and {out} is "
            f"unchanged: {error.said(render)}",
            err=True,
        )
        sys.exit(1)
    except OSError as error:
        click.echo(
            f"{out}: cannot write the planning ({error.strerror or error}); "
            "nothing was changed there.",
            err=True,
        )
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo(f"Interrupted; nothing was written and {out} is unchanged.", err=True)
        sys.exit(130)
    except Exception as error:  # an internal failure: say so plainly, keep DIR as it was
        if os.environ.get("HERPLAN_DEBUG"):
            raise
        click.echo(
            f"Internal error ({type(error).__name__}: {error}); nothing was written and "
            f"{out} is unchanged. Please report it with the input file "
            "(set HERPLAN_DEBUG=1 for details).",
            err=True,
        )
        sys.exit(1)


class _Seconds(click.ParamType):
    """A finite number of seconds above 0 (``inf`` and ``nan`` are refused)."""

    name = "seconds"

    def convert(self, value, param, ctx):
        try:
            seconds = float(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not a number of seconds", param, ctx)
        if not (0 < seconds <= 24 * 3600) or seconds != seconds:
            self.fail(f"{value!r}: expected seconds above 0 and at most 86400", param, ctx)
        return seconds


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="herplan")
def main() -> None:
    """Plan the December wave of reassessments (herindicaties)."""


@main.command()
@click.argument("input_path", metavar="INPUT", type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Planning folder to write (plan.json, overzicht.xlsx, ...).",
)
@click.option(
    "--time-limit",
    type=_Seconds(),
    help="Wall-clock seconds for the whole run (default: rekentijd_s, 30; a rerun: 3).",
)
@click.option(
    "--seed",
    default=0,
    show_default=True,
    type=click.IntRange(0, MAX_SEED),
    help="Random seed of the search.",
)
@click.option(
    "--reproducible",
    is_flag=True,
    help="Same input, settings and seed give the same plan and byte-identical files: "
    "limits become deterministic work on one core instead of wall-clock time.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 256),
    help="Solver threads (default: every core of the machine).",
)
@click.option("--fresh", is_flag=True, help="Ignore the previous plan in --out; plan anew.")
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d", "%d-%m-%Y"]),
    help="Plan as of this day (default: today, Dutch time): nothing is placed on or before "
    "it, and on a rerun what stands there is held as it is. Replays a period on purpose.",
)
@click.option(
    "--feedback",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A provider workbook sent back (Haalbaar ja/nee); repeat for several.",
)
@click.option(
    "--choose",
    multiple=True,
    metavar="DOSSIER=OPTION",
    help="On a rerun: pin an option of herplan suggest (its number, or DATE@CONSULTANT); "
    "repeat for several.",
)
@click.option(
    "--answers",
    "answers",
    metavar="DATA_FOLDER",
    type=click.Path(exists=True, path_type=Path),
    help="On a rerun: the providers' online answers (the web page's data folder of this "
    "planning, or its antwoorden.sqlite).",
)
@click.option(
    "--base-url",
    metavar="URL",
    help="Providers answer online at this address (herplan serve): each provider's workbook "
    "and e-mails get its personal link.",
)
@click.option("--verbose", is_flag=True, help="Also print each solver phase's status and bound.")
def plan(
    input_path: Path,
    out: Path,
    time_limit: float | None,
    seed: int,
    reproducible: bool,
    workers: int | None,
    fresh: bool,
    today: datetime | None,
    feedback: tuple[Path, ...],
    choose: tuple[str, ...],
    answers: Path | None,
    base_url: str | None,
    verbose: bool,
) -> None:
    """Plan INPUT (an .xlsx workbook or a folder of CSV files) into --out.

    When --out already holds a plan.json this is a rerun: the previous plan is
    the starting point and only what has to change moves (use --fresh to start
    over). The previous revision is kept under revisies/.
    """
    # The run's clock starts with the process: loading the program (about a second
    # and a half, on one core) counts against --time-limit as well.
    started = time.monotonic() - time.process_time()
    _private_if_the_pages(out)
    from herplan.app.progress import ProgressDisplay
    from herplan.app.run import RunHooks, RunOptions, plan_input
    from herplan.io.input_reader import read_problem

    try:
        problem, warnings = read_problem(input_path, today.date() if today else None)
    except InputError as error:
        _fail_input(error)
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)
    display = ProgressDisplay(problem.settings.language)
    options = RunOptions(
        time_limit,
        seed,
        reproducible,
        workers,
        fresh,
        today.date() if today else None,
        feedback,
        choose,
        answers,
        _base_url(base_url),
    )
    hooks = RunHooks(
        progress=display.update,
        started=started,
        notify=lambda note: click.echo(f"note: {note}", err=True),
    )
    with _failures_said(out), display:
        result = plan_input(input_path, out, options, hooks, problem=problem)
    click.echo(result.summary(verbose))
    click.echo(f"→ {out}")


@main.command()
@click.argument("folder", metavar="DIR", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--smtp",
    "server",
    default="localhost:25",
    show_default=True,
    metavar="HOST[:PORT]",
    help="The mail server (port 465: TLS from the start).",
)
@click.option("--starttls", is_flag=True, help="Switch to TLS after connecting (port 587).")
@click.option(
    "--user",
    help="Log in as this user; the password comes from HERPLAN_SMTP_PASSWORD or a prompt.",
)
@click.option(
    "--login-without-tls",
    is_flag=True,
    help="Allow --user without STARTTLS or port 465: only for a relay on this computer or a "
    "closed network (the password crosses it unencrypted).",
)
@click.option("--dry-run", is_flag=True, help="Only list what would be sent.")
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d", "%d-%m-%Y"]),
    help="Send as of this day (default: today, Dutch time): nothing goes out for an "
    "interview on or before it.",
)
def send(
    folder: Path,
    server: str,
    starttls: bool,
    user: str | None,
    login_without_tls: bool,
    dry_run: bool,
    today: datetime | None,
) -> None:
    """Send the invitations in DIR/uitgaand/ by e-mail, each one once.

    What was sent is recorded in DIR/verzonden.json: a second send sends only
    what is new, and after a failure (server down, an address refused) it
    sends what is still missing.
    """
    from herplan import clock
    from herplan.app.mailer import send_outbox, smtp_connection
    from herplan.app.send_summary import send_summary
    from herplan.digits import whole_number

    host, _, port_text = server.rpartition(":") if ":" in server else (server, "", "25")
    port = whole_number(port_text, 1, 65535)
    if not host or port is None:
        raise click.BadParameter(f"{server!r}: expected HOST or HOST:PORT", param_hint="--smtp")
    if not (folder / "plan.json").is_file():
        raise click.UsageError(f"{folder} is not a planning folder (no plan.json)")
    password = None
    if user and not dry_run:
        password = os.environ.get("HERPLAN_SMTP_PASSWORD") or click.prompt(
            f"Password for {user} at {host}", hide_input=True
        )
    connect = smtp_connection(host, port, starttls, user, password, login_without_tls)
    _private_if_the_pages(folder)  # verzonden.jsonl beside the page's own
    try:
        day = today.date() if today else clock.today()
        report = send_outbox(folder, connect, dry_run=dry_run, today=day)
    except InputError as error:
        click.echo("Nothing was sent:", err=True)
        for message in error.messages:
            click.echo(f"  {message}", err=True)
        sys.exit(2)
    click.echo(send_summary(report, folder, dry_run))
    if report.failed:
        sys.exit(1)


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
def template(file: Path, force: bool) -> None:
    """Write an empty input workbook with every sheet and column explained."""
    from herplan.io.input_writer import write_input_workbook

    if file.suffix.lower() != ".xlsx":
        raise click.UsageError("the template is an .xlsx file; give a name ending in .xlsx")
    if file.exists() and not force:
        raise click.UsageError(f"{file} exists; choose another name or add --force")
    write_input_workbook(file)
    click.echo(f"Template written to {file}")


@main.command()
@click.argument("input_path", metavar="INPUT", type=click.Path(path_type=Path))
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="The planning folder the returned workbooks (--feedback) belong to.",
)
@click.option(
    "--feedback",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A returned provider workbook to check before a rerun; repeat for several.",
)
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d", "%d-%m-%Y"]),
    help="Check as of this day (default: today, Dutch time).",
)
def check(
    input_path: Path, out: Path | None, feedback: tuple[Path, ...], today: datetime | None
) -> None:
    """Validate INPUT (and returned workbooks) only; report every error at once."""
    from herplan import clock
    from herplan.io.input_reader import read_problem
    from herplan.io.previous import prepare_rerun

    day = today.date() if today else clock.today()
    try:
        problem, warnings = read_problem(input_path, day)
        stale: tuple[StaleAnswer, ...] = ()
        if feedback:
            if out is None or not (out / "plan.json").is_file():
                raise click.UsageError("--feedback needs --out, the planning folder it came from")
            stale = prepare_rerun(out, day, feedback).stale
    except InputError as error:
        _fail_input(error)
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)
    for s in stale:
        click.echo(
            f"warning: {s.verdict.source}: the appointment of {s.verdict.dossier} has "
            "changed since this sheet was sent; the answer is not applied",
            err=True,
        )
    open_cases = sum(1 for r in problem.reassessments if not r.withdrawn)
    withdrawn = len(problem.reassessments) - open_cases
    click.echo(
        f"{input_path.name}: OK — {len(problem.reassessments)} reassessments "
        f"({open_cases} open, {withdrawn} withdrawn), {len(problem.consultants)} consultants, "
        f"{len(problem.locations)} locations, period "
        f"{problem.settings.period_start:%d-%m-%Y} to {problem.settings.period_end:%d-%m-%Y}"
        + (f"; {len(feedback)} returned workbook(s) OK" if feedback else "")
    )


@main.command()
@click.argument("folder", metavar="DIR", type=click.Path(file_okay=False, path_type=Path))
@click.argument("dossier")
@click.option(
    "--top",
    default=5,
    show_default=True,
    type=click.IntRange(1, 100),
    help="How many options to show, best first.",
)
@click.option(
    "--not",
    "not_days",
    multiple=True,
    type=click.DateTime(formats=["%Y-%m-%d", "%d-%m-%Y"]),
    help="A day the reassessment cannot be held (besides its current one); repeat for several.",
)
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d", "%d-%m-%Y"]),
    help="As of this day: only later days are offered (default: today, Dutch time).",
)
@click.option(
    "--input",
    "input_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The input workbook (default: the one plan.json names, beside DIR).",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of text.")
def suggest(
    folder: Path,
    dossier: str,
    top: int,
    not_days: tuple[datetime, ...],
    today: datetime | None,
    input_path: Path | None,
    as_json: bool,
) -> None:
    """Ranked places for one reassessment (answered nee, not planned, or new) in DIR's plan."""
    import json

    from herplan.app.suggest import open_region
    from herplan.io.suggest import suggestions_dict, suggestions_text

    try:
        result = open_region(folder, today.date() if today else None, input_path)
        found = result.suggest(dossier, top, [d.date() for d in not_days])
    except InputError as error:
        click.echo("herplan suggest:", err=True)
        for message in error.messages:
            click.echo(f"  {message}", err=True)
        sys.exit(2)
    s = result.problem.settings
    if result.input_changed:
        click.echo(
            f"note: {result.input_path} changed since the plan was made; the places "
            "are checked against it as it is now",
            err=True,
        )
    if as_json:
        data = suggestions_dict(found, s.language, s.max_plan_age_months)
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    names = {c.id: c.name for c in result.problem.consultants}
    click.echo(
        suggestions_text(found, s.language, lambda c: names.get(c, c), s.max_plan_age_months)
    )


@main.command()
@click.argument("folder", metavar="DIR", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--scenario",
    "scenarios",
    multiple=True,
    metavar="CHANGE",
    help='A variant of the input planned beside the advice: "AB05 afwezig week 51", '
    '"periode tot 2027-01-08", "AB05 max 3 per week", "AB05 werkdagen ma,di" (several '
    "joined with ;), or another input workbook; repeat for several.",
)
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d", "%d-%m-%Y"]),
    help="As of this day: extra mornings only after it (default: today, Dutch time).",
)
@click.option(
    "--input",
    "input_path",
    type=click.Path(exists=True, path_type=Path),
    help="The input workbook (default: the one plan.json names, beside DIR).",
)
@click.option(
    "--time-limit", type=_Seconds(), help="Seconds for each scenario's plan (default: a rerun's)."
)
@click.option(
    "--reproducible", is_flag=True, help="Scenarios planned on one core by deterministic work."
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of text.")
def capacity(
    folder: Path,
    scenarios: tuple[str, ...],
    today: datetime | None,
    input_path: Path | None,
    time_limit: float | None,
    reproducible: bool,
    as_json: bool,
) -> None:
    """What extra consultant-mornings would plan, for the plan in DIR (capaciteit/ in DIR)."""
    import json

    from herplan.app.capacity import CapacityOptions
    from herplan.app.capacity import capacity as advise

    options = CapacityOptions(
        today=today.date() if today else None,
        input_path=input_path,
        scenarios=scenarios,
        time_limit=time_limit,
        reproducible=reproducible,
        progress=lambda line: click.echo(f"  {line}", err=True),
    )
    _private_if_the_pages(folder)
    with _failures_said(folder / "capaciteit"):
        result = advise(folder, options)
    if as_json:
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=1))
    else:
        click.echo(result.summary(), nl=False)


@main.command()
@click.argument(
    "folder",
    metavar="PLANNING_FOLDER",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
)
@click.option(
    "--base-url",
    default="http://127.0.0.1:8000",
    show_default=True,
    help="How providers reach the web page (herplan serve).",
)
@click.option(
    "--renew",
    "renew",
    multiple=True,
    metavar="PROVIDER",
    help="Make a new link for this provider (the old one stops working).",
)
def links(folder: Path, base_url: str, renew: tuple[str, ...]) -> None:
    """Each provider's personal answer link: its name, a tab, the link (one line each)."""
    _private_if_the_pages(folder)
    from herplan.app.links import planning_links, renew_link

    try:
        for provider in renew:
            renew_link(folder, provider)
        found = planning_links(folder, base_url)
    except InputError as error:
        _fail_input(error)
    for link, url in found:
        click.echo(f"{link.provider}\t{url}")


@main.command()
@click.argument(
    "folder",
    metavar="PLANNING_FOLDER",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per correction.")
@click.option(
    "--take",
    "take",
    multiple=True,
    type=int,
    metavar="ID",
    help="Take this correction (repeat for several); needs --out.",
)
@click.option("--take-all", is_flag=True, help="Take every open correction; needs --out.")
@click.option(
    "--reject",
    "reject",
    multiple=True,
    type=int,
    metavar="ID",
    help="Reject this correction (repeat for several); needs --out.",
)
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the input with the taken corrections (.xlsx).",
)
@click.option(
    "--input",
    "input_path",
    type=click.Path(exists=True, path_type=Path),
    help="The plan's input, when it is not beside the folder.",
)
@click.option("--by", default="", help="Who decides (default: your user name).")
def corrections(
    folder: Path,
    as_json: bool,
    take: tuple[int, ...],
    take_all: bool,
    reject: tuple[int, ...],
    out: Path | None,
    input_path: Path | None,
    by: str,
) -> None:
    """The providers' corrections to the input: list them, or take and reject them
    and write the corrected input to --out (README, Corrections)."""
    import getpass
    import json

    from herplan import clock
    from herplan.app.correction_taking import decide, store_for

    deciding = bool(take or take_all or reject)
    if deciding and (out is None or out.suffix.lower() != ".xlsx"):
        _fail_input(InputError(["--take, --take-all and --reject need --out NEW.xlsx"]))
    if deciding:
        assert out is not None
        try:
            done = decide(
                folder,
                None if take_all else list(take),
                list(reject),
                by or getpass.getuser(),
                out,
                input_path,
            )
        except InputError as error:
            _fail_input(error)
        click.echo(
            f"{len(done.taken)} taken, {len(done.rejected)} rejected; the corrected input is {out}"
        )
        return
    for c in store_for(folder).listed():
        if as_json:
            click.echo(json.dumps(c.as_dict(), ensure_ascii=False))
        else:
            click.echo(
                f"{c.id}\t{c.status}\t{c.provider}\t{c.dossier}\t{c.kind}\t{c.value}\t"
                f"{c.source}\t{clock.dutch(c.given):%Y-%m-%d %H:%M}"
            )


@main.command()
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Where to listen. Any address but 127.0.0.1 needs planner accounts (--add-user).",
)
@click.option(
    "--allowed-host",
    "allowed_hosts",
    multiple=True,
    metavar="NAME",
    help="Another name the page is reached by (a reverse proxy's); repeat for several.",
)
@click.option(
    "--data",
    type=click.Path(file_okay=False, path_type=Path),
    help="The folder of the plannings (default: herplan's folder in your user data folder).",
)
@click.option(
    "--behind-https",
    is_flag=True,
    help="The page is reached through HTTPS (a reverse proxy): cookies only over HTTPS.",
)
@click.option(
    "--trusted-proxy",
    "trusted_proxies",
    multiple=True,
    metavar="ADDRESS",
    help="Believe X-Forwarded-For/-Proto from this reverse proxy only (repeat for several; "
    "--behind-https alone: a proxy on this computer). Without: proxy headers are ignored.",
)
@click.option(
    "--add-user",
    metavar="NAME",
    help="Add a planner account, or give it a new password (asked twice; its sessions end), "
    "and stop; no server is started.",
)
@click.option(
    "--remove-user",
    metavar="NAME",
    help="Remove a planner account (its sessions end at once) and stop.",
)
@click.option(
    "--base-url",
    metavar="URL",
    help="How providers reach this page, for their answer links (default: http://HOST:PORT).",
)
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d", "%d-%m-%Y"]),
    help="Work as of this day: plans, options, moves and answers (default: today, Dutch time).",
)
def serve(
    port: int,
    host: str,
    allowed_hosts: tuple[str, ...],
    data: Path | None,
    behind_https: bool,
    trusted_proxies: tuple[str, ...],
    add_user: str | None,
    remove_user: str | None,
    base_url: str | None,
    today: datetime | None,
) -> None:
    """The planner's web page: plan, look, download, process changes."""
    import platformdirs

    from herplan.app.private import private_umask
    from herplan.app.web import create_app, server_config
    from herplan.app.web.accounts import Accounts

    private_umask()  # everything the server and its workers write: this user's only
    folder = data or Path(platformdirs.user_data_dir("herplan", appauthor=False))
    accounts = Accounts(folder)
    if add_user is not None:
        password = click.prompt(
            f"Password for {add_user}", hide_input=True, confirmation_prompt=True
        )
        try:
            accounts.add(add_user, password)
        except ValueError as error:
            raise click.UsageError(f"{add_user}: {error}") from None
        click.echo(f"Account {add_user} added to {accounts.path}")
        return
    if remove_user is not None:
        if not accounts.remove(remove_user):
            raise click.UsageError(f"{remove_user}: no such account in {accounts.path}")
        click.echo(f"Account {remove_user} removed; its sessions have ended")
        return
    from herplan.app.links import base_url as checked_url

    try:
        base = checked_url(base_url or f"http://{host}:{port}")
    except InputError as error:
        raise click.UsageError(error.messages[0]) from None
    config = server_config(
        folder,
        host,
        allowed_hosts,
        behind_https,
        base_url=base,
        today=today.date() if today else None,
    )
    if host not in ("127.0.0.1", "localhost", "::1") and not accounts.exist():
        raise click.UsageError(
            f"--host {host} lets others on the network reach the plannings: add a planner "
            f"account first (herplan serve --data {folder} --add-user NAME)"
        )
    app = create_app(config)
    _keep_cleaning(app, folder, config.today)
    _listen(app, host, port, behind_https, trusted_proxies, folder, config.login)


def _keep_cleaning(app: Starlette, folder: Path, today: Callable[[], date]) -> None:
    """Delete the plannings past their retention now and once a day (``retention``)."""
    import threading

    from herplan.app.retention import clean_up

    def clean() -> None:
        running = {n for n, job in app.state.plannings.jobs.items() if job.running}
        for gone in clean_up(folder, today(), "herplan serve", skip=running):
            click.echo(f"herplan: deleted planning {gone.name} (kept until {gone.kept_until})")

    def daily() -> None:
        while not stop.wait(24 * 3600):
            clean()

    clean()
    stop = threading.Event()
    threading.Thread(target=daily, name="herplan-bewaartermijn", daemon=True).start()


def _listen(
    app: Starlette,
    host: str,
    port: int,
    behind_https: bool,
    proxies: tuple[str, ...],
    folder: Path,
    login: bool,
) -> None:
    """Serve ``app`` with the limits of ``serving`` until Ctrl-C."""
    import uvicorn

    from herplan.app.private import make_private
    from herplan.app.web.serving import trusted, uvicorn_config

    make_private(folder)  # what an older version or another umask left readable
    who = "planners sign in" if login else "no login: this computer only"
    click.echo(f"herplan: http://{host}:{port}/  ({who}; plannings in {folder}; Ctrl-C stops)")
    uvicorn.Server(uvicorn_config(app, host, port, trusted(behind_https, proxies))).run()


@main.command()
@click.argument(
    "data", metavar="DATA", type=click.Path(exists=True, file_okay=False, path_type=Path)
)
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d", "%d-%m-%Y"]),
    help="Measure the retention as of this day (default: today, Dutch time).",
)
@click.option("--dry-run", is_flag=True, help="Only list what would be deleted.")
def cleanup(data: Path, today: datetime | None, dry_run: bool) -> None:
    """Delete the plannings of the page's data folder DATA whose period ended more than
    bewaartermijn_maanden (default 3) months ago, each with a line in the audit log."""
    import getpass

    from herplan import clock
    from herplan.app.retention import clean_up, expired

    day = today.date() if today else clock.today()
    if dry_run:
        found = expired(data, day)
    else:
        try:
            who = f"herplan cleanup ({getpass.getuser()})"
        except (KeyError, OSError):
            who = "herplan cleanup"
        found = clean_up(data, day, who)
    for e in found:
        verb = "would delete" if dry_run else "deleted"
        click.echo(f"{verb} {e.name}: period ended {e.period_end}, kept until {e.kept_until}")
    if not found:
        click.echo("Nothing past its retention.")


def run() -> None:
    """The ``herplan`` program: the command line, then an exit that skips the interpreter's
    teardown (freeing what a large run built takes half a second; every file is closed).
    """
    try:
        main()
        code: object = 0
    except SystemExit as done:
        code = done.code
    if isinstance(code, str):
        print(code, file=sys.stderr)
        code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    run()
