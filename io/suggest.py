"""``herplan suggest`` as the planner reads it: one JSON object, or lines of text.

The JSON (README, Suggestions) holds each option's appointment as ``plan.json``
writes it, whether it needs an extra visit, the appointments it moves and the
figures it was ranked by; without options the reasons (codes, their names and
the files' explanation) and the extra consultant-morning that would give it a
place. The text says the same in the planning's language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict

from herplan.domain.appointment import Appointment
from herplan.domain.codes import Attendance, Reason
from herplan.io.sentences import explanation, reason_name, weekday_date
from herplan.io.words import words
from herplan.scheduler.suggest import Option, Place, Suggestions
from herplan.scheduler.timing import hhmm

FULL = {Reason.CAPACITY, Reason.SUPPORT_WORKER_BUSY}


def place_dict(p: Place | Appointment, dossier: bool = False) -> dict[str, object]:
    """An appointment's place in ``plan.json``'s shape (with its dossier if asked)."""
    found: dict[str, object] = {"dossier": p.dossier} if dossier else {}
    found.update(
        {
            "date": p.day.isoformat(),
            "start": hhmm(p.start),
            "end": hhmm(p.end),
            "writeup_start": hhmm(p.writeup_start),
            "writeup_end": hhmm(p.writeup_end),
            "consultant": p.consultant,
            "provider": p.provider,
            "location": p.location,
            "with": p.with_,
        }
    )
    return found


def option_dict(option: Option) -> dict[str, object]:
    return {
        **place_dict(option.place),
        "extra_visit": option.extra_visit,
        "moves": [place_dict(m, dossier=True) for m in option.moves],
        "cost": asdict(option.cost),
    }


def suggestions_dict(found: Suggestions, language: str, months: int = 6) -> dict[str, object]:
    """The object ``herplan suggest --json`` prints."""
    u = found.unplanned
    extra = found.would_fit_with
    return {
        "dossier": found.dossier,
        "current": place_dict(found.current) if found.current else None,
        "options": [option_dict(o) for o in found.options],
        "reasons": [
            {"code": c, "name": reason_name(c, language)} for c in (u.reasons if u else ())
        ],
        "explanation": explanation(u, language, months) if u else None,
        "would_fit_with": {
            "consultant": extra.consultant,
            "date": extra.day.isoformat(),
            "weekly_cap": extra.weekly_cap,
        }
        if extra
        else None,
    }


def suggestions_text(
    found: Suggestions, language: str, name: Callable[[str], str] = str, months: int = 6
) -> str:
    """What ``herplan suggest`` prints: the options best first, or why there are none."""
    w = words(language)
    head = {"dossier": found.dossier, "provider": found.provider, "location": found.location}
    if not found.options:
        lines = [w["sug_none"].format(**head)]
        if found.unplanned is not None:
            lines.append(explanation(found.unplanned, language, months))
        extra = found.would_fit_with
        full = found.unplanned is not None and set(found.unplanned.reasons) & FULL
        if extra is None and full:
            lines.append(w["sug_no_extra"])
        elif extra is not None:
            lines.append(
                w["sug_would_fit"].format(
                    consultant=name(extra.consultant),
                    day=weekday_date(extra.day, language),
                    cap=extra.weekly_cap,
                )
            )
        return "\n".join(lines)
    if found.current is not None:
        lines = [w["sug_now"].format(**head, slot=_slot(found.current, language, name))]
    else:
        lines = [w["sug_open"].format(**head)]
    for n, option in enumerate(found.options, 1):
        lines.append(_option_line(n, option, language, name))
    lines.append(w["sug_choose"].format(dossier=found.dossier))
    return "\n".join(lines)


def _slot(p: Place | Appointment, language: str, name: Callable[[str], str]) -> str:
    return words(language)["slot"].format(
        day=weekday_date(p.day, language), time=hhmm(p.start), consultant=name(p.consultant)
    )


def _option_line(n: int, option: Option, language: str, name: Callable[[str], str]) -> str:
    w = words(language)
    p, cost = option.place, option.cost
    notes = [_how(p, language)]
    if cost.off_preferred_day:
        notes.append(w["sug_off_preferred"])
    if cost.other_consultant:
        notes.append(w["sug_other_consultant"])
    if p.with_ == Attendance.SUPPORT_WORKER:
        notes.append(w["sug_with_begeleider"])
    for m in option.moves:
        notes.append(
            w["sug_move"].format(
                dossier=m.dossier, slot=_slot(m, language, name), how=_how(m, language)
            )
        )
    line = w["sug_option"].format(
        n=n,
        day=weekday_date(p.day, language),
        start=hhmm(p.start),
        end=hhmm(p.end),
        consultant=name(p.consultant),
    )
    return f"{line}; " + "; ".join(notes)


def _how(p: Place, language: str) -> str:
    return words(language)["sug_new_visit" if p.new_visit else "sug_join"]
