"""Security headers on every response, errors included; digits only where digits are
meant."""

from __future__ import annotations

from starlette.testclient import TestClient

from herplan.app.web import home_page
from tests.web.test_web import app

NEEDED = {
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
}


def _protected(answer) -> None:
    for header, value in NEEDED.items():
        assert answer.headers.get(header) == value, (answer.status_code, header)
    assert "default-src 'none'" in answer.headers["content-security-policy"]


def test_400_404_403_and_500_carry_the_headers(tmp_path, monkeypatch):
    with TestClient(app(tmp_path / "data"), raise_server_exceptions=False) as client:
        other_host = client.get("/", headers={"host": "evil.example"})
        assert other_host.status_code == 400
        _protected(other_host)
        missing = client.get("/p/bestaat-niet")
        assert missing.status_code == 404
        _protected(missing)
        cross = client.post("/nieuw", headers={"origin": "http://evil.example"})
        assert cross.status_code == 403
        _protected(cross)

        def broken(*_args, **_kwargs):
            raise RuntimeError("kapot")

        monkeypatch.setattr(home_page, "listing", broken)
        crashed = client.get("/")
        assert crashed.status_code == 500 and "kapot" not in crashed.text
        _protected(crashed)


def test_odd_digits_are_no_number(tmp_path):
    with TestClient(app(tmp_path / "data")) as client:
        for week in ("²", "٣", "99"):
            assert client.get("/", params={"week": week}).status_code == 200


def test_odd_digits_in_the_input_are_refused_not_a_crash(tmp_path):
    import pytest

    from herplan.io.errors import InputError
    from herplan.io.input_reader import read_problem
    from tests.conftest import PLANNED_AS
    from tests.io.test_input_reader import workbook

    for n, (key, value) in enumerate(
        (("gespreksduur_min", "²"), ("periode_eind", "٢٠٢٦-12-31"), ("ochtend", "٠9:00-12:30"))
    ):
        (tmp_path / str(n)).mkdir()
        path = workbook(tmp_path / str(n), settings={key: value})
        with pytest.raises(InputError) as refused:
            read_problem(path, PLANNED_AS)
        assert any(key in m for m in refused.value.messages), key
