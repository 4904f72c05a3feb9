"""A provider's link lasts (README, Answers online): it opens the current revision for
the whole period, every message sent carries a link that works at the moment it is
sent, and a renewed or expired link says so, in the provider's language."""

from __future__ import annotations

import email
import email.policy
import re
from datetime import date

import pytest
from starlette.testclient import TestClient

from herplan.app.links import planning_links, renew_link
from herplan.app.mailer import send_outbox, smtp_connection
from herplan.io.previous import read_previous
from tests.app.test_outbox import smtp  # noqa: F401 (the local SMTP server, a fixture)
from tests.web.test_answers import answer, links_on_page, mine, region  # noqa: F401
from tests.web.test_web import app, token, wait

LINK = re.compile(r"/a/([A-Za-z0-9_-]{43,})")
mailing = pytest.mark.parametrize("region", [True], indirect=True)  # invitations by e-mail


def sent_links(box) -> list[str]:
    """The answer-link token of every message the mail server received."""
    found = []
    for _sender, _to, raw in box.received:
        message = email.message_from_bytes(raw, policy=email.policy.default)
        for part in message.walk():
            if part.get_content_type() == "text/plain":
                found += LINK.findall(part.get_content())
    return found


def send(folder, box) -> None:
    host, port = box.address.rsplit(":", 1)
    report = send_outbox(folder, smtp_connection(host, int(port), False, None, None))
    assert report.failed == [] and report.sent


@mailing
def test_after_a_rerun_every_sent_link_opens_the_current_revision(region, smtp):  # noqa: F811
    client, name, folder = region
    links = links_on_page(client, name)
    answer(client, links["Yulius"], mine(folder, "Yulius")[0], "nee", "ziek")
    rerun = client.post(
        f"/p/{name}/wijzigingen", data={"csrf": token(client)}, follow_redirects=False
    )
    assert rerun.status_code == 303 and wait(client, name)["errors"] == []
    assert read_previous(folder / "planning" / "plan.json").revision == 2
    send(folder / "planning", smtp)  # revision 1's messages not sent yet, and revision 2's
    tokens = sent_links(smtp)
    assert tokens and set(tokens) <= set(links.values())
    for sent in set(tokens):
        page = client.get(f"/a/{sent}")
        assert page.status_code == 200
        provider = next(p for p, t in links.items() if t == sent)
        for dossier in mine(folder, provider):  # the appointments of revision 2
            assert f"({dossier})" in page.text


@mailing
def test_a_message_written_before_a_renewal_goes_out_with_the_new_link(region, smtp):  # noqa: F811
    client, name, folder = region
    old = links_on_page(client, name)["Yulius"]
    renewed = renew_link(folder / "planning", "Yulius")
    assert renewed.token != old
    send(folder / "planning", smtp)
    tokens = sent_links(smtp)
    assert renewed.token in tokens and old not in tokens
    assert all(client.get(f"/a/{t}").status_code == 200 for t in set(tokens))
    current = {link.provider: link.token for link, _url in planning_links(folder / "planning")}
    assert current["Yulius"] == renewed.token


def test_a_renewed_or_expired_link_says_what_happened_in_the_providers_language(region):  # noqa: F811
    client, name, folder = region
    old = links_on_page(client, name)["Lelie"]
    renew_link(folder / "planning", "Lelie")
    page = client.get(f"/a/{old}")
    assert page.status_code == 410 and 'name="viewport"' in page.text
    assert "vervangen door een nieuwe" in page.text and "planner" in page.text
    assert "Lelie" in page.text
    assert not any(dossier in page.text for dossier in mine(folder, "Lelie"))  # nothing of theirs
    english = client.get(f"/a/{old}?taal=en").text
    assert "replaced by a new one" in english
    unknown = client.get("/a/" + "x" * 43)
    assert unknown.status_code == 404 and 'name="viewport"' in unknown.text
    assert "Niet gevonden" in unknown.text and "Not found" in unknown.text


def test_a_link_ends_with_the_period(region):  # noqa: F811
    client, name, folder = region
    link = links_on_page(client, name)["Yulius"]
    with TestClient(app(folder.parent, today=date(2027, 1, 1))) as later:
        page = later.get(f"/a/{link}")
        assert page.status_code == 410 and "planperiode is voorbij" in page.text
