"""What ``herplan send`` tells the planner, in the planning's language (``taal``)."""

from __future__ import annotations

import json
from pathlib import Path

from herplan.app.mailer import SENT_LOG, SendReport
from herplan.app.terminal_words import section
from herplan.io.words import language_of


def _language(folder: Path) -> str:
    try:
        taal = json.loads((folder / "plan.json").read_text(encoding="utf-8"))["settings"]["taal"]
    except (OSError, ValueError, KeyError, TypeError):
        return "nl"
    return language_of(taal)


def send_summary(report: SendReport, folder: Path, dry_run: bool) -> str:
    """Counts per outcome, and every failure with its reason."""
    w = section(_language(folder), "send_")
    lines: list[str] = []
    if dry_run:
        lines.append(f"{w['would']:<58} {len(report.pending):>5}")
        lines += [f"  {m.path.name} → {m.to} ({m.method})" for m in report.pending]
    else:
        lines.append(f"{w['sent']:<58} {len(report.sent):>5}")
    lines += [
        f"{w['already']:<58} {len(report.already):>5}",
        f"{w['superseded']:<58} {len(report.superseded):>5}",
        f"{w['not_needed']:<58} {len(report.not_needed):>5}",
        f"{w['passed']:<58} {len(report.passed):>5}",
        f"{w['failed']:<58} {len(report.failed):>5}",
    ]
    lines += [f"  {m.path.name} → {m.to}: {reason}" for m, reason in report.failed]
    if not dry_run and not (report.sent or report.failed):
        lines.append(w["nothing"])
    if report.sent:
        lines.append(f"{w['log']} {folder / SENT_LOG}")
    return "\n".join(lines)
