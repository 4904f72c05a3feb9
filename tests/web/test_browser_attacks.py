"""The attacks on the web page in a real browser (Debian's Chromium through Playwright).

A planner has the page open; a website on another name (``evil.test``, which
Chromium is told lives at 127.0.0.1) auto-submits forms to the page's rerun,
stop and upload addresses, and a page rebinds its own name to 127.0.0.1 to
read a planning. Each is refused, and nothing changes.
"""

from __future__ import annotations

import json
import time

import pytest
from starlette.applications import Starlette
from starlette.responses import HTMLResponse
from starlette.routing import Route

from herplan.app.web import create_app
from tests.conftest import PLANNED_AS
from tests.web.test_web import small_input
from tests.webserver import CHROMIUM, free_port, running

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)"
)
EVIL = "evil.test"


PATHS = ("/p/{name}/opnieuw", "/p/{name}/stop", "/nieuw")


def _evil_site(target: str, name: str) -> Starlette:
    """Pages of another website that each post a form to the planner's page on load."""

    def form(request) -> HTMLResponse:
        path = PATHS[int(request.path_params["n"])].format(name=name)
        return HTMLResponse(
            f'<html><body><form method="post" action="{target}{path}" '
            'enctype="multipart/form-data"><input name="csrf" value="guess"></form>'
            "<script>document.forms[0].submit();</script></body></html>"
        )

    return Starlette(routes=[Route("/{n:int}", form)])


def test_forms_posted_from_another_site_and_a_rebinding_host_are_refused(tmp_path):
    from playwright.sync_api import sync_playwright

    data = tmp_path / "data"
    with (
        running(create_app(data, time_limit=3, reproducible=True, today=PLANNED_AS)) as url,
        sync_playwright() as p,
    ):
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", f"--host-resolver-rules=MAP {EVIL} 127.0.0.1"],
        )
        page = browser.new_page()
        page.goto(url + "/")
        page.set_input_files("input[name=invoer]", str(small_input(tmp_path)))
        page.get_by_role("button", name="Plannen").click()
        page.wait_for_selector("#figures", timeout=60_000)
        name = page.url.split("/p/")[1].split("?")[0]
        plan_path = data / name / "planning" / "plan.json"
        revision = json.loads(plan_path.read_text())["revision"]

        evil_port = free_port()
        with running(_evil_site(url, name), evil_port):
            for n in range(len(PATHS)):
                with page.expect_response(lambda r: r.url.startswith(url)) as posted:
                    page.goto(f"http://{EVIL}:{evil_port}/{n}")
                assert posted.value.status == 403, posted.value.url
                assert posted.value.request.method == "POST"
        time.sleep(1)
        assert json.loads(plan_path.read_text())["revision"] == revision
        assert sorted(p.name for p in data.iterdir() if p.is_dir()) == [name]

        port = url.rsplit(":", 1)[1]
        rebound = page.goto(f"http://{EVIL}:{port}/p/{name}/bestand/plan.json")
        assert rebound is not None and rebound.status == 400
        assert "appointments" not in page.content()
        browser.close()
