"""The web page keeps client data in: every reproduction is refused.

Through Starlette's test client: another Host gets 400; a write from another
origin, or without the form's token, gets 403 and changes nothing; uploads
are bounded on the stream (chunked too) and nothing refused is kept; a
workbook that unpacks to a gigabyte gets a clear message; returned workbooks
with the same name are both read; no symlink is followed; odd paths are 404;
every response carries the protective headers and no caching validators;
where accounts exist, planners sign in, wrong passwords are slowed down (never
locked: ``test_web_sessions.py``), and the audit log says who did what.
``test_web_browser_attacks.py`` repeats the cross-site form and the rebinding Host
in a real Chromium.
"""

from __future__ import annotations

import io
import json
import re
import threading
import time
import zipfile
from pathlib import Path

import httpx2 as httpx
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from starlette.testclient import TestClient

from herplan.app.cli import main
from herplan.app.web import create_app, server_config
from herplan.app.web.accounts import Accounts
from herplan.app.web.forms import MAX_UPLOAD_BYTES
from tests.conftest import PLANNED_AS
from tests.web.test_web import XLSX, app, post, small_input, token, upload, wait

HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cache-control": "no-store",
    "x-frame-options": "DENY",
}


@pytest.fixture
def planned(tmp_path):
    with TestClient(app(tmp_path / "data", time_limit=3, reproducible=True)) as client:
        answer = upload(client, small_input(tmp_path))
        name = answer.headers["location"].split("/")[2]
        assert wait(client, name)["errors"] == []
        yield client, name, tmp_path / "data" / name


def _revision(folder: Path) -> int:
    return json.loads((folder / "planning" / "plan.json").read_text())["revision"]


def test_another_host_gets_400_before_any_handler(planned):
    client, name, _ = planned
    for path in ("/", f"/p/{name}", f"/p/{name}/bestand/plan.json", f"/p/{name}/alles.zip"):
        answer = client.get(path, headers={"host": "evil.example:8765"})
        assert answer.status_code == 400, path
        assert "D0" not in answer.text
    assert client.get("/", headers={"host": "127.0.0.1:8765"}).status_code == 200
    assert client.get("/", headers={"host": "localhost"}).status_code == 200


def test_a_name_given_with_allowed_host_is_answered(tmp_path):
    config = server_config(
        tmp_path / "data", allowed_hosts=("planning.example.nl",), today=PLANNED_AS
    )
    with TestClient(create_app(config), base_url="http://planning.example.nl") as client:
        assert client.get("/").status_code == 200
        assert client.get("/", headers={"host": "evil.example"}).status_code == 400


def test_writes_from_another_origin_are_refused_and_change_nothing(planned):
    client, name, folder = planned
    before = _revision(folder)
    csrf = token(client)
    for headers in (
        {"origin": "http://evil.example"},
        {"sec-fetch-site": "cross-site"},
        {"origin": "http://evil.example", "sec-fetch-site": "same-site"},
    ):
        for path in (f"/p/{name}/opnieuw", f"/p/{name}/stop", f"/p/{name}/wijzigingen", "/nieuw"):
            answer = client.post(path, data={"csrf": csrf}, headers=headers, follow_redirects=False)
            assert answer.status_code == 403, (path, headers)
    time.sleep(0.5)
    assert _revision(folder) == before
    assert sorted(p.name for p in folder.parent.iterdir() if not p.name.startswith(".")) == [
        "audit.log",
        name,
    ]
    # From the page itself (its own origin) the same request is taken.
    answer = client.post(
        f"/p/{name}/opnieuw",
        data={"csrf": csrf},
        follow_redirects=False,
        headers={"origin": "http://testserver", "sec-fetch-site": "same-origin"},
    )
    assert answer.status_code == 303


def test_a_form_without_the_sessions_token_is_refused_and_keeps_nothing(planned, tmp_path):
    client, name, folder = planned
    returned = folder / "planning" / "aanbieders" / "yulius.xlsx"
    files = [("teruggestuurd", ("terug.xlsx", returned.read_bytes(), XLSX))]
    for data in ({}, {"csrf": "not-the-token"}):
        answer = client.post(
            f"/p/{name}/wijzigingen", files=files, data=data, follow_redirects=False
        )
        assert answer.status_code == 403 and "verlopen" in answer.text
    assert not (folder / "invoer" / "teruggestuurd").exists()
    assert _revision(folder) == 1
    # Another browser (another session) does not have this session's token either.
    with TestClient(app(folder.parent)) as stranger:
        stranger.get("/")
        answer = stranger.post("/nieuw", data={"csrf": token(client)}, follow_redirects=False)
        assert answer.status_code == 403


def _chunks(size: int, chunk: int = 1024 * 1024):
    for _ in range(size // chunk):
        yield b"x" * chunk


def test_uploads_are_bounded_on_the_stream_and_nothing_refused_is_kept(planned):
    client, name, folder = planned
    csrf = token(client)
    boundary = "herplanboundary"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n{csrf}\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="teruggestuurd"; '
        'filename="groot.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n'
    ).encode()

    def body():
        yield head
        yield from _chunks(MAX_UPLOAD_BYTES + 4 * 1024 * 1024)

    # No Content-Length: the body is sent chunked and counted as it arrives.
    answer = client.post(
        f"/p/{name}/wijzigingen",
        content=body(),
        follow_redirects=False,
        headers={"content-type": f"multipart/form-data; boundary={boundary}"},
    )
    assert answer.status_code == 413 and "te groot" in answer.text
    # A Content-Length that says too much is refused before anything is read.
    answer = client.post(
        "/nieuw",
        content=b"x" * 10,
        follow_redirects=False,
        headers={
            "content-length": str(MAX_UPLOAD_BYTES * 2),
            "content-type": "application/x-www-form-urlencoded",
        },
    )
    assert answer.status_code == 413
    assert not (folder / "invoer" / "teruggestuurd").exists()
    assert _revision(folder) == 1


def _bomb(source: Path, target: Path) -> Path:
    """The workbook with one member that unpacks to 60 MB of nothing (60 kB packed)."""
    with (
        zipfile.ZipFile(source) as original,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as bomb,
    ):
        for info in original.infolist():
            bomb.writestr(info, original.read(info.filename))
        bomb.writestr("xl/media/leeg.bin", b"\0" * 60_000_000)
    return target


def _claiming(source: Path, target: Path) -> Path:
    """The workbook with every sheet claiming to span A1:XFD99000."""
    with (
        zipfile.ZipFile(source) as original,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as claim,
    ):
        for info in original.infolist():
            data = original.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                text = data.decode()
                start = text.find('<dimension ref="')
                if start >= 0:
                    end = text.find('"', start + 16)
                    text = text[: start + 16] + "A1:XFD99000" + text[end:]
                data = text.encode()
            claim.writestr(info, data)
    return target


def test_a_crafted_workbook_gets_a_clear_message_and_the_page_keeps_answering(tmp_path):
    source = small_input(tmp_path)
    with TestClient(app(tmp_path / "data", time_limit=3, reproducible=True)) as client:
        started = time.monotonic()
        answer = upload(client, _bomb(source, tmp_path / "bom.xlsx"))
        assert answer.status_code == 400 and "MB" in answer.text and "pakt uit tot" in answer.text
        assert time.monotonic() - started < 5
        assert [p for p in (tmp_path / "data").iterdir() if p.name[0] != "."] == []
        started = time.monotonic()
        answer = upload(client, _claiming(source, tmp_path / "breed.xlsx"))
        assert answer.status_code == 303  # read as far as its real cells go
        assert time.monotonic() - started < 5


def test_the_first_page_answers_quickly_while_a_large_workbook_is_read(tmp_path):
    from benchmarks.instances import shape, write
    from tests.webserver import running

    large = write(tmp_path / "groot.xlsx", shape("L"), seed=1)
    served = running(
        create_app(tmp_path / "data", time_limit=2, reproducible=True, today=PLANNED_AS)
    )
    with served as url, httpx.Client(base_url=url) as browser, httpx.Client(base_url=url) as other:
        csrf = token_of(browser)
        sent = threading.Thread(
            target=lambda: browser.post(
                "/nieuw",
                data={"csrf": csrf},
                files=[("invoer", (large.name, large.read_bytes(), XLSX))],
                timeout=60,
            )
        )
        sent.start()
        time.sleep(0.3)  # the workbook is being read now
        times = []
        while sent.is_alive() and len(times) < 20:
            begun = time.monotonic()
            assert other.get("/").status_code == 200
            times.append(time.monotonic() - begun)
            time.sleep(0.05)
        sent.join()
    assert times and max(times) < 0.1, times


def token_of(browser) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', browser.get("/").text)
    assert found is not None
    return found.group(1)


def test_two_returned_workbooks_with_the_same_name_are_both_read(planned, tmp_path):
    client, name, folder = planned
    plan = json.loads((folder / "planning" / "plan.json").read_text())
    first, second = plan["appointments"][0]["dossier"], plan["appointments"][1]["dossier"]
    sheets = []
    for dossier in (first, second):
        wb = load_workbook(folder / "planning" / "aanbieders" / "yulius.xlsx")
        ws = wb["Planning"]
        header = [c.value for c in ws[1]]
        for row in ws.iter_rows(min_row=2):
            if row[header.index("Dossier")].value == dossier:
                row[header.index("Haalbaar")].value = "nee"
        buffer = io.BytesIO()
        wb.save(buffer)
        sheets.append(("teruggestuurd", ("yulius.xlsx", buffer.getvalue(), XLSX)))
    answer = client.post(
        f"/p/{name}/wijzigingen", files=sheets, data={"csrf": token(client)}, follow_redirects=False
    )
    assert answer.status_code == 303
    assert wait(client, name)["errors"] == []
    after = json.loads((folder / "planning" / "plan.json").read_text())
    nee = {c["dossier"] for c in after["changes"] if c["cause"] == "nee"}
    assert nee == {first, second}


def test_no_symlink_is_followed_and_odd_paths_are_not_found(planned, tmp_path):
    client, name, folder = planned
    secret = tmp_path / "geheim.txt"
    secret.write_text("NIET-VOOR-DE-ZIP")
    (folder / "planning" / "link.txt").symlink_to(secret)
    (folder / "planning" / "linkmap").symlink_to(tmp_path, target_is_directory=True)
    assert client.get(f"/p/{name}/bestand/link.txt").status_code == 404
    assert client.get(f"/p/{name}/bestand/linkmap/geheim.txt").status_code == 404
    archive = zipfile.ZipFile(io.BytesIO(client.get(f"/p/{name}/alles.zip").content))
    assert not any("link" in n for n in archive.namelist())
    assert all(b"NIET-VOOR-DE-ZIP" not in archive.read(n) for n in archive.namelist())
    for odd in (
        "%00",
        "plan.json%00",
        "..%2Fplan.json",
        "aanbieders%5C..%5Cplan.json",
        ".sessie",
        "aanbieders//yulius.xlsx",
    ):
        assert client.get(f"/p/{name}/bestand/{odd}").status_code == 404, odd


def test_every_page_and_download_has_the_protective_headers(planned):
    client, name, _ = planned
    for path in (
        "/",
        f"/p/{name}",
        f"/p/{name}/bestand/plan.json",
        f"/p/{name}/alles.zip",
        "/sjabloon",
        f"/p/{name}/status",
        "/static/herplan.css",
    ):
        answer = client.get(path)
        assert answer.status_code == 200, path
        for header, value in HEADERS.items():
            assert answer.headers[header] == value, (path, header)
        csp = answer.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp
        assert "unsafe-inline" not in csp
        assert "etag" not in answer.headers and "last-modified" not in answer.headers, path
    page = client.get(f"/p/{name}").text
    assert "<script>" not in page and "onchange" not in page and "style=" not in page


def test_where_accounts_exist_planners_sign_in_and_wrong_passwords_slow_down(tmp_path):
    data = tmp_path / "data"
    Accounts(data).add("planner", "een-lang-wachtwoord")
    config = server_config(data, host="0.0.0.0", allowed_hosts=("testserver",), today=PLANNED_AS)
    assert config.login
    with TestClient(create_app(config)) as client:
        answer = client.get("/p/x/bestand/plan.json", follow_redirects=False)
        assert answer.status_code == 303 and answer.headers["location"].startswith("/inloggen")
        assert client.get("/static/herplan.css").status_code == 200
        login = client.get("/inloggen")
        cookie = login.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=strict" in cookie and "secure" not in cookie
        for attempt in range(4):
            answer = sign_in(client, "fout")
            assert answer.status_code == (429 if attempt == 3 else 401)
        assert "Te veel pogingen" in answer.text
        assert sign_in(client, "een-lang-wachtwoord").status_code == 429  # still waiting
        client.app.state.login_throttle.now = lambda: time.monotonic() + 60  # the wait is over
        answer = sign_in(client, "een-lang-wachtwoord")
        assert answer.status_code == 303
        assert "Nieuwe planning" in client.get("/").text
    log = [json.loads(line) for line in (data / "audit.log").read_text().splitlines()]
    assert [e["action"] for e in log].count("login refused") == 3
    assert [e["action"] for e in log].count("login slowed") == 2
    assert log[-1]["action"] == "login" and log[-1]["user"] == "planner" and log[-1]["from"]
    stored = json.loads((data / "accounts.json").read_text())
    assert stored["users"]["planner"]["hash"].startswith("$argon2")
    assert (data / "accounts.json").stat().st_mode & 0o077 == 0


def sign_in(client: TestClient, password: str):
    """The login form, filled in and sent (with the login page's own token)."""
    found = re.search(r'name="csrf" value="([^"]+)"', client.get("/inloggen").text)
    assert found is not None
    data = {"csrf": found.group(1), "naam": "planner", "wachtwoord": password, "volgende": "/"}
    return client.post("/inloggen", data=data, follow_redirects=False)


def test_behind_https_the_session_cookie_is_secure(tmp_path):
    config = server_config(
        tmp_path / "data", allowed_hosts=("testserver",), secure_cookies=True, today=PLANNED_AS
    )
    with TestClient(create_app(config), base_url="https://testserver") as client:
        assert "secure" in client.get("/").headers["set-cookie"].lower()


def test_serve_beyond_this_computer_needs_an_account_first(tmp_path):
    data = tmp_path / "data"
    refused = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0", "--data", str(data)])
    assert refused.exit_code == 2 and "--add-user" in refused.output
    added = CliRunner().invoke(
        main,
        ["serve", "--data", str(data), "--add-user", "planner"],
        input="een-lang-wachtwoord\neen-lang-wachtwoord\n",
    )
    assert added.exit_code == 0, added.output
    assert Accounts(data).check("planner", "een-lang-wachtwoord").ok
    short = CliRunner().invoke(
        main, ["serve", "--data", str(data), "--add-user", "kort"], input="kort\nkort\n"
    )
    assert short.exit_code == 2 and "at least" in short.output


def test_the_audit_log_records_upload_rerun_stop_and_download(planned):
    client, name, folder = planned
    client.get(f"/p/{name}/bestand/plan.json")
    client.get(f"/p/{name}/alles.zip")
    post(client, f"/p/{name}/opnieuw")
    post(client, f"/p/{name}/stop")  # while it runs
    wait(client, name)
    log = [json.loads(line) for line in (folder.parent / "audit.log").read_text().splitlines()]
    actions = [e["action"] for e in log]
    assert actions[0] == "upload" and "again" in actions and "stop" in actions
    downloads = [e["file"] for e in log if e["action"] == "download"]
    assert downloads == ["plan.json", "alles.zip"]
    assert all(e["planning"] == name and e["time"] and "from" in e for e in log)
