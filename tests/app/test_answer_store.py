"""The store of online answers and personal links (``herplan.app.stores.answers``)."""

from __future__ import annotations

import stat
import threading
from datetime import date

import pytest

from herplan.app.stores.answers import AnswerStore, Closed, Link, store_of
from herplan.domain.appointment import Appointment

END = date(2026, 12, 31)
TODAY = date(2026, 11, 30)


def appointment(dossier: str, provider: str = "Yulius", day=date(2026, 12, 7), start=540):
    return Appointment(
        uid=f"{dossier}@test",
        dossier=dossier,
        client="A.B.",
        provider=provider,
        location="Noord",
        consultant="AB",
        day=day,
        start=start,
        end=start + 45,
        writeup_start=780,
        writeup_end=825,
        with_="client",
    )


@pytest.fixture
def store(tmp_path) -> AnswerStore:
    return AnswerStore(tmp_path / "antwoorden.sqlite")


def test_a_link_opens_its_own_provider_in_every_revision_until_the_period_ends(store):
    yulius, lelie = store.links(["Yulius", "Lelie"], 2, END)
    assert len(yulius.token) >= 43  # 256 bits of HMAC over a 128-bit nonce, base64
    assert store.opened_by(yulius.token, 2, TODAY).provider == "Yulius"
    assert store.opened_by(lelie.token, 2, TODAY).provider == "Lelie"
    later = store.opened_by(yulius.token, 3, TODAY)  # a later revision: it opens that one
    assert isinstance(later, Link) and (later.provider, later.revision) == ("Yulius", 3)
    assert store.opened_by(yulius.token, 2, END) is not None  # the last day of the period
    assert store.opened_by(yulius.token, 2, date(2027, 1, 1)) == Closed("Yulius", "expired")
    other = yulius.token[:-1] + ("B" if yulius.token.endswith("A") else "A")  # one letter off
    assert store.opened_by(other, 2, TODAY) is None
    assert store.links(["Yulius"], 3, END)[0].token == yulius.token  # listed again, same
    longer = date(2027, 1, 8)  # the period lengthened: so is the link
    assert store.links(["Yulius"], 4, longer)[0].token == yulius.token
    assert store.opened_by(yulius.token, 4, date(2027, 1, 4)) is not None


def test_only_hashes_are_stored_and_the_key_is_private(store):
    (link,) = store.links(["Yulius"], 1, END)
    assert link.token.encode() not in store.path.read_bytes()
    key = store.path.parent / ".linksleutel"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    # the database without the key opens nothing: another key gives other tokens
    key.unlink()
    other = AnswerStore(store.path)
    assert other.links(["Yulius"], 1, END)[0].token != link.token


def test_a_renewed_link_replaces_the_old_and_a_revoked_one_opens_nothing(store):
    (old,) = store.links(["Yulius"], 1, END)
    new = store.renew("Yulius", 1, END)
    assert new.token != old.token
    assert store.opened_by(old.token, 1, TODAY) == Closed("Yulius", "renewed")
    assert store.opened_by(new.token, 2, TODAY).provider == "Yulius"
    assert store.replacements() == {old.token: new.token}  # for the messages not sent yet
    store.revoke("Yulius")
    assert store.opened_by(new.token, 1, TODAY) == Closed("Yulius", "renewed")
    assert store.replacements() == {}  # no link of Yulius works: nothing to replace with


def test_the_newest_answer_counts_and_a_moved_appointment_makes_it_outdated(store):
    a, b = appointment("D1"), appointment("D2")
    store.answer(a, 1, "nee", "  ziek \n", "test")
    store.answer(a, 1, "ja", "toch wel", "test")
    store.answer(b, 1, "nee", "", "test")
    moved_b = appointment("D2", day=date(2026, 12, 8))
    online = store.for_rerun((a, moved_b))
    verdicts, stale, given = online.verdicts, online.stale, online.given
    assert [(v.dossier, v.feasible, v.remark) for v in verdicts] == [("D1", True, "toch wel")]
    assert [s.verdict.dossier for s in stale] == ["D2"]
    assert set(given) == {"D1"}
    with pytest.raises(ValueError):
        store.answer(a, 1, "misschien", "", "test")


def test_twenty_providers_answering_at_once_lose_nothing(tmp_path):
    path = tmp_path / "antwoorden.sqlite"
    AnswerStore(path)
    errors: list[BaseException] = []

    def provider(n: int) -> None:
        try:
            mine = AnswerStore(path)
            for k in range(10):
                mine.answer(appointment(f"D{n:02d}{k}", f"P{n}"), 1, "nee", f"{n}-{k}", "test")
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=provider, args=(n,)) for n in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    latest = AnswerStore(path).latest()
    assert len(latest) == 200
    assert all(latest[f"D{n:02d}{k}"].remark == f"{n}-{k}" for n in range(20) for k in range(10))


def test_the_store_sits_beside_a_planning_folder(tmp_path):
    (tmp_path / "planning").mkdir()
    (tmp_path / "planning" / "plan.json").write_text("{}")
    assert store_of(tmp_path / "planning") == tmp_path / "antwoorden.sqlite"
    assert store_of(tmp_path) == tmp_path / "antwoorden.sqlite"
