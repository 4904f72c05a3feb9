"""A provider's appointments as its phone shows them: grouped by week with the
current week first, then the weeks to come, and the weeks already held last; narrowed
to one begeleider when asked; the first appointment still to answer named at the top."""

from __future__ import annotations

from datetime import date

FILTER = "begeleider"


def week_key(day: date) -> tuple[int, int]:
    year, week, _ = day.isocalendar()
    return year, week


def weeks(rows: list[dict[str, object]], today: date) -> list[dict[str, object]]:
    """``rows`` (each with its ``date``) by ISO week: this week, the later ones in order,
    then the past ones (held: nothing to answer), most recent first."""
    now = week_key(today)
    grouped: dict[tuple[int, int], list[dict[str, object]]] = {}
    for row in rows:
        day = row["date"]
        assert isinstance(day, date)
        grouped.setdefault(week_key(day), []).append(row)
    coming = sorted(k for k in grouped if k >= now)
    past = sorted((k for k in grouped if k < now), reverse=True)
    return [
        {
            "week": k[1],
            "now": k == now,
            "past": k < now,
            "rows": grouped[k],
            "open": sum(1 for r in grouped[k] if not r["held"] and not r["answer"]),
        }
        for k in (*coming, *past)
    ]


def begeleiders(rows: list[dict[str, object]]) -> list[str]:
    return sorted({str(r["begeleider"]) for r in rows if r["begeleider"]})


def first_open(rows: list[dict[str, object]]) -> int | None:
    """The number of the first appointment (in the page's order) still to answer."""
    return next((int(str(r["n"])) for r in rows if not r["held"] and not r["answer"]), None)
