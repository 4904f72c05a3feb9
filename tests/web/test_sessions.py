"""Sessions that end, logins that slow down without locking out.

A copied session cookie stops working when its planner signs out, gets a new
password or is removed (and is never renewed); wrong passwords are slowed per
address and per name, growing, with a short cap per account so nobody can
lock its owner out; an unknown name and a wrong password get the same answer
after the same work; and checking passwords never holds up the event loop
(a real uvicorn serves its static files while logins are being checked).
"""

from __future__ import annotations

import json
import re
import threading
import time

import httpx2 as httpx
from click.testing import CliRunner
from starlette.testclient import TestClient

from herplan.app.cli import main
from herplan.app.web import create_app, server_config
from herplan.app.web.accounts import Accounts, Verdict
from herplan.app.web.throttle import (
    ACCOUNT_MAX_SECONDS,
    ADDRESS_MAX_SECONDS,
    FREE_FAILURES,
    LoginThrottle,
)
from tests.conftest import PLANNED_AS
from tests.webserver import running

PASSWORD = "een-lang-wachtwoord"


def _server(data):
    config = server_config(data, host="0.0.0.0", allowed_hosts=("testserver",), today=PLANNED_AS)
    return create_app(config)


def sign_in(client: TestClient, name: str = "planner", password: str = PASSWORD):
    found = re.search(r'name="csrf" value="([^"]+)"', client.get("/inloggen").text)
    assert found is not None
    fields = {"csrf": found.group(1), "naam": name, "wachtwoord": password, "volgende": "/"}
    return client.post("/inloggen", data=fields, follow_redirects=False)


def _signed_in_copy(client: TestClient) -> dict[str, str]:
    """The session cookie, as an attacker would copy it."""
    assert sign_in(client).status_code == 303
    return {"herplan_sessie": client.cookies["herplan_sessie"]}


def _works(app, cookie: dict[str, str]) -> bool:
    with TestClient(app, cookies=cookie) as other:
        answer = other.get("/", follow_redirects=False)
        if answer.status_code == 200:
            return True
        assert answer.status_code == 303 and answer.headers["location"].startswith("/inloggen")
        renewed = answer.headers.get("set-cookie", "")
        assert (
            "herplan_sessie=null" in renewed
            or "herplan_sessie=" not in renewed
            or ("expires=thu, 01 jan 1970" in renewed.lower())
        )
        return False


def test_signing_out_ends_every_session_of_the_planner(tmp_path):
    data = tmp_path / "data"
    Accounts(data).add("planner", PASSWORD)
    app = _server(data)
    with TestClient(app) as client:
        copied = _signed_in_copy(client)
        with TestClient(app) as second:  # the same planner on another computer
            other = _signed_in_copy(second)
        assert _works(app, copied) and _works(app, other)
        token = re.search(r'name="csrf" value="([^"]+)"', client.get("/").text)
        assert token is not None
        client.post("/uitloggen", data={"csrf": token.group(1)})
        assert not _works(app, copied) and not _works(app, other)


def test_a_new_password_ends_the_old_sessions(tmp_path):
    data = tmp_path / "data"
    Accounts(data).add("planner", PASSWORD)
    app = _server(data)
    with TestClient(app) as client:
        copied = _signed_in_copy(client)
        changed = CliRunner().invoke(
            main,
            ["serve", "--data", str(data), "--add-user", "planner"],
            input="nieuw-wachtwoord-1\nnieuw-wachtwoord-1\n",
        )
        assert changed.exit_code == 0, changed.output
        assert not _works(app, copied)
        assert sign_in(client, password="nieuw-wachtwoord-1").status_code == 303


def test_removing_the_account_ends_its_sessions(tmp_path):
    data = tmp_path / "data"
    Accounts(data).add("planner", PASSWORD)
    Accounts(data).add("tweede", PASSWORD)
    app = _server(data)
    with TestClient(app) as client:
        copied = _signed_in_copy(client)
        removed = CliRunner().invoke(
            main, ["serve", "--data", str(data), "--remove-user", "planner"]
        )
        assert removed.exit_code == 0, removed.output
        assert not _works(app, copied)
        with TestClient(app, cookies=copied) as other:
            assert other.get("/p/x/alles.zip", follow_redirects=False).status_code == 303
        again = CliRunner().invoke(main, ["serve", "--data", str(data), "--remove-user", "planner"])
        assert again.exit_code == 2 and "no such account" in again.output


def test_an_account_made_again_never_takes_an_old_session_back(tmp_path):
    """Removing an account and adding it again (a new password) must not restart the
    session version where an old cookie's still matches."""
    data = tmp_path / "data"
    Accounts(data).add("planner", PASSWORD)
    app = _server(data)
    with TestClient(app) as client:
        copied = _signed_in_copy(client)
        serve = ["serve", "--data", str(data)]
        removed = CliRunner().invoke(main, [*serve, "--remove-user", "planner"])
        assert removed.exit_code == 0, removed.output
        made = CliRunner().invoke(
            main,
            [*serve, "--add-user", "planner"],
            input="nieuw-wachtwoord-1\nnieuw-wachtwoord-1\n",
        )
        assert made.exit_code == 0, made.output
        assert not _works(app, copied)
        with TestClient(app, cookies=copied) as other:
            assert other.get("/p/x/alles.zip", follow_redirects=False).status_code == 303
    (data / "accounts.json").unlink()  # even a lost accounts file starts nothing over
    Accounts(data).add("planner", PASSWORD)
    assert not _works(_server(data), copied)


def test_a_huge_name_neither_fills_the_audit_log_nor_the_throttle(tmp_path):
    """Without a login, a megabyte of ``naam`` per try must not land in ``audit.log``."""
    data = tmp_path / "data"
    Accounts(data).add("planner", PASSWORD)
    app = _server(data)
    huge = "x" * 1_000_000
    with TestClient(app) as client:
        for _ in range(6):  # refused, then slowed down: both are logged
            assert sign_in(client, name=huge).status_code in (401, 429)
        assert sign_in(client, name="planner" + huge).status_code in (401, 429)
    log = (data / "audit.log").read_text()
    lines = [json.loads(line) for line in log.splitlines()]
    assert len(lines) == 7 and len(log) < 7 * 400
    assert {len(line["name"]) for line in lines} == {65}  # one more than any account name
    gate = app.state.login_throttle
    assert all(len(key) <= 65 for key in gate.accounts)


def test_the_throttle_grows_and_an_account_is_never_locked_for_long():
    clock = [0.0]
    gate = LoginThrottle(now=lambda: clock[0])
    waits = []
    for _ in range(FREE_FAILURES + 8):
        clock[0] += gate.wait("10.0.0.1", "planner")
        gate.failed("10.0.0.1", "planner")
        waits.append(gate.wait("10.0.0.1", "planner"))
    assert waits[: FREE_FAILURES - 1] == [0] * (FREE_FAILURES - 1)
    growing = waits[FREE_FAILURES - 1 :]
    assert growing == sorted(growing) and growing[1] > growing[0] > 0
    # another address waits for the account's delay only: at most a minute
    assert 0 < gate.wait("10.0.0.2", "planner") <= ACCOUNT_MAX_SECONDS
    assert gate.wait("10.0.0.1", "planner") <= ADDRESS_MAX_SECONDS
    # the guesser's own address keeps waiting longer than the account
    assert gate.wait("10.0.0.1", "iemand") > ACCOUNT_MAX_SECONDS
    gate.succeeded("10.0.0.2", "planner")
    assert gate.wait("10.0.0.2", "planner") == 0


def _said(answer) -> tuple[int, str]:
    text = re.sub(r'name="csrf" value="[^"]+"', "", answer.text)
    return answer.status_code, text.replace("iemand-anders", "planner")


def test_unknown_names_and_wrong_passwords_look_and_cost_the_same(tmp_path, monkeypatch):
    data = tmp_path / "data"
    Accounts(data).add("planner", PASSWORD)
    app = _server(data)
    checked: list[str] = []
    real = Accounts.check

    def counted(self, name, password):
        started = time.perf_counter()
        verdict = real(self, name, password)
        checked.append(f"{name}:{time.perf_counter() - started:.3f}")
        return verdict

    monkeypatch.setattr(Accounts, "check", counted)
    hashes: list[int] = []
    from argon2 import PasswordHasher

    verify = PasswordHasher.verify
    monkeypatch.setattr(
        PasswordHasher, "verify", lambda self, h, p: hashes.append(1) or verify(self, h, p)
    )
    with TestClient(app) as client:
        wrong = sign_in(client, "planner", "fout-wachtwoord")
        unknown = sign_in(client, "iemand-anders", "fout-wachtwoord")
        assert _said(wrong) == _said(unknown) and wrong.status_code == 401
        assert len(hashes) == 2  # one Argon2 check each: the same work
        for _ in range(FREE_FAILURES):
            sign_in(client, "iemand-anders", "fout-wachtwoord")
        slowed_known = sign_in(client, "planner", "fout-wachtwoord")
        slowed_unknown = sign_in(client, "nog-iemand", "fout-wachtwoord")
        assert slowed_known.status_code == slowed_unknown.status_code == 429
        assert _said(slowed_known)[1].replace("nog-iemand", "planner") == _said(slowed_unknown)[
            1
        ].replace("nog-iemand", "planner")


def test_password_checks_never_hold_up_the_event_loop(tmp_path):
    data = tmp_path / "data"
    Accounts(data).add("planner", PASSWORD)
    app = _server(data)

    class Slow(Accounts):
        def check(self, name: str, password: str) -> Verdict:
            time.sleep(2)  # an Argon2 check made slow: it must run beside the loop
            return Verdict(False)

    app.state.accounts = Slow(data)
    with running(app) as base, httpx.Client(base_url=base) as client:
        page = client.get("/inloggen", headers={"host": "127.0.0.1"})
        csrf = re.search(r'name="csrf" value="([^"]+)"', page.text)
        assert csrf is not None
        cookies = dict(page.cookies)
        fields = {"csrf": csrf.group(1), "naam": "planner", "wachtwoord": "x" * 12}

        def flood(n: int) -> None:
            for _ in range(n):
                httpx.post(f"{base}/inloggen", data=fields, cookies=cookies, timeout=30)

        threads = [threading.Thread(target=flood, args=(2,)) for _ in range(12)]
        for t in threads:
            t.start()
        time.sleep(0.3)
        slowest = 0.0
        for _ in range(5):
            started = time.perf_counter()
            assert client.get("/static/herplan.css").status_code == 200
            slowest = max(slowest, time.perf_counter() - started)
        for t in threads:
            t.join()
    assert slowest < 1.0


def test_guesses_at_an_account_never_keep_its_owner_out(tmp_path):
    data = tmp_path / "data"
    Accounts(data).add("planner", PASSWORD)
    app = _server(data)
    app.state.login_throttle.now = lambda: 1000.0  # every try at the same moment
    with TestClient(app, client=("10.0.0.1", 1111)) as owner:
        assert sign_in(owner).status_code == 303  # this browser is now known for planner
        device = owner.cookies["herplan_apparaat"]
    with TestClient(app, client=("10.6.6.6", 6666)) as attacker:
        for _ in range(FREE_FAILURES + 5):
            sign_in(attacker, "planner", "fout-wachtwoord")
        assert sign_in(attacker, "planner", PASSWORD).status_code == 429
    with TestClient(app, client=("10.0.0.2", 2222)) as stranger:  # an unknown browser waits
        assert sign_in(stranger).status_code == 429
    forged = device[:-2] + ("AA" if not device.endswith("AA") else "BB")
    with TestClient(app, client=("10.0.0.4", 4444), cookies={"herplan_apparaat": forged}) as other:
        assert sign_in(other).status_code == 429
    with TestClient(app, client=("10.0.0.3", 3333), cookies={"herplan_apparaat": device}) as back:
        assert sign_in(back).status_code == 303  # the owner's browser is let in
