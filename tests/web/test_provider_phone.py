"""A provider's page made for a phone: its appointments by week with the
current week first and the held ones last, without a form; a filter by begeleider; the
first appointment still to answer named at the top; the other places after a ``nee``
in date order, each with its location."""

from __future__ import annotations

import re
from datetime import date

import pytest
from starlette.testclient import TestClient

from herplan.app.links import planning_links
from tests.web.test_planner import NAME, example_data
from tests.web.test_web import app

TODAY = date(2026, 12, 9)  # the Wednesday of week 50: week 49 and part of 50 are held


@pytest.fixture
def phone(planned_example, tmp_path):
    data = example_data(planned_example, tmp_path)
    folder = data / NAME
    base = "http://testserver"
    links = {
        link.provider: url[len(base) :] for link, url in planning_links(folder / "planning", base)
    }
    with TestClient(app(data, time_limit=4, reproducible=True, today=TODAY)) as client:
        yield client, links


def _busiest(client: TestClient, links: dict[str, str]) -> tuple[str, str]:
    pages = {p: client.get(url).text for p, url in links.items()}
    provider = max(pages, key=lambda p: pages[p].count('class="appointment'))
    return links[provider], pages[provider]


def test_the_weeks_come_with_this_week_first_and_the_held_ones_last(phone):
    client, links = phone
    _url, page = _busiest(client, links)
    weeks = [int(w) for w in re.findall(r'<div class="week[^"]*" id="week-(\d+)">', page)]
    assert weeks[0] == 50 and 49 in weeks and weeks.index(49) == len(weeks) - 1
    assert weeks[:-1] == sorted(weeks[:-1])  # the weeks to come in order
    held = page.split('id="week-49"')[1]
    assert 'class="appointment held"' in held and "<form" not in held  # no answer asked
    assert "(deze week)" in page.split('id="week-50"')[1].split("</h2>")[0]


def test_the_first_appointment_to_answer_is_named_at_the_top(phone):
    client, links = phone
    _url, page = _busiest(client, links)
    first = re.search(r'href="#afspraak-(\d+)" id="first-open"', page).group(1)
    opened = page.index('class="appointment open"')
    assert page.rindex('id="afspraak-', 0, opened + 200) == page.index(f'id="afspraak-{first}"')
    assert re.search(r'id="answered-count">0 van \d+ beantwoord', page)


def test_a_filter_by_begeleider_shows_only_theirs_and_is_kept_after_an_answer(phone):
    client, links = phone
    url, page = _busiest(client, links)
    names = re.findall(r'<option value="([^"]+)" >', page.split('name="begeleider"')[1])
    assert len(names) > 1
    for who in names:
        mine = client.get(url, params={"begeleider": who}).text
        shown = re.findall(r"Begeleider: ([^·<]+?) ·", mine)
        assert shown and set(shown) == {who}
        if 'class="appointment open"' in mine:
            break
    form = mine.split('class="appointment open"')[1]
    dossier = re.search(r'name="dossier" value="([^"]+)"', form).group(1)
    csrf = re.search(r'name="csrf" value="([^"]+)"', mine).group(1)
    answer = client.post(
        url.split("?")[0],
        data={"csrf": csrf, "dossier": dossier, "antwoord": "ja", "begeleider": who},
        follow_redirects=False,
    )
    assert answer.status_code == 303 and "begeleider=" in answer.headers["location"]
    after = client.get(answer.headers["location"]).text
    assert re.search(r'id="answered-count">1 van \d+ beantwoord', after)
    assert "Antwoord wijzigen" in after  # an answered one folds its form away


def test_the_other_places_after_a_nee_come_in_date_order_with_their_location(phone):
    client, links = phone
    url, page = _busiest(client, links)
    n = re.search(r'class="appointment open" id="afspraak-(\d+)"', page).group(1)
    places = client.get(f"{url.split('?')[0]}/opties/{n}").text
    days = [int(d) for d in re.findall(r"<span>\w+ (\d+) december, \d\d:\d\d", places)]
    assert days and days == sorted(days)
    assert places.count('class="where">Locatie: ') == len(days)
