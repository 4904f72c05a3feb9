"""The workbooks as they come out of a printer (issue: files a provider can read and print).

Each workbook of the planned example is rendered to PDF by LibreOffice
(``soffice --headless --convert-to pdf``) and measured with poppler's
``pdftotext -bbox``: no word is smaller than 8 pt and no word runs past the
page's margin. The 8 pt yardstick is measured, not assumed: a reference
workbook with one 8 pt cell is rendered the same way and its word height is
the threshold. ``.ci/run`` installs LibreOffice and poppler; the test is
skipped, with the reason shown, only where they cannot be had.

The *Toelichting* is also read back for the cases a provider can be in:
planned, nothing planned, after a rerun with a cancellation.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from herplan.domain.plan import Change
from herplan.io.provider_workbook import answer_by, provider_workbook
from herplan.io.sentences import long_date
from herplan.io.words import WORDS
from tests.conftest import case, problem, solve

MARGIN = 0.25 * 72  # points: nothing may print closer to the paper's edge than this
WORD = re.compile(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<')


def _tools() -> str | None:
    missing = [tool for tool in ("soffice", "pdftotext") if shutil.which(tool) is None]
    if missing:
        return f"{', '.join(missing)} missing: apt-get install libreoffice-calc-nogui poppler-utils"
    return None


def render(workbooks: list[Path], folder: Path) -> dict[Path, Path]:
    """PDFs of ``workbooks`` by LibreOffice headless, with a profile of its own."""
    profile = (folder / "profile").as_uri()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *map(str, workbooks),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return {w: folder / f"{w.stem}.pdf" for w in workbooks}


def words(pdf: Path) -> list[tuple[int, float, float, float, float, float, str]]:
    """Every word: (page, page width, xMin, xMax, height, yMax, text)."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    found = []
    for n, page in enumerate(out.split("<page ")[1:], start=1):
        width = float(re.search(r'width="([\d.]+)"', page).group(1))  # type: ignore[union-attr]
        for x0, y0, x1, y1, text in WORD.findall(page):
            found.append((n, width, float(x0), float(x1), float(y1) - float(y0), float(y1), text))
    return found


@pytest.fixture(scope="module")
def rendered(planned_example, tmp_path_factory):
    missing = _tools()
    if missing:
        pytest.skip(missing)
    out, _ = planned_example
    folder = tmp_path_factory.mktemp("pdf")
    reference = folder / "referentie.xlsx"
    wb = Workbook()
    wb.active["A1"] = "Referentie"
    wb.active["A1"].font = Font(name="Calibri", size=8)
    wb.save(reference)
    books = [out / "overzicht.xlsx", *sorted((out / "aanbieders").glob("*.xlsx"))]
    return render([reference, *books], folder), reference


def test_no_text_below_8_pt_and_nothing_past_the_margin(rendered):
    pdfs, reference = rendered
    eight = min(w[4] for w in words(pdfs[reference]))
    problems = []
    for book, pdf in pdfs.items():
        if book == reference:
            continue
        for page, width, x0, x1, height, _y, text in words(pdf):
            if height < eight - 0.05:
                problems.append(f"{book.name} p{page}: '{text}' smaller than 8 pt")
            if x0 < MARGIN or x1 > width - MARGIN:
                problems.append(f"{book.name} p{page}: '{text}' at the page edge")
    assert problems[:20] == []


def test_every_page_is_a4_landscape_with_page_numbers(rendered):
    pdfs, reference = rendered
    for book, pdf in pdfs.items():
        if book == reference:
            continue
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        assert "841.89 x 595.3" in info, (book.name, info)  # A4 landscape
        text = " ".join(w[6] for w in words(pdf))
        assert "Pagina 1 van" in text, book.name


def _guide(plan, provider: str = "Yulius") -> str:
    wb = load_workbook(BytesIO(provider_workbook(plan, provider, "yulius.ics")))
    ws = wb[WORDS["nl"]["sheet_guide"]]
    return "\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value)


OFFICE = dict(
    planner_name="M. de Groot", planner_email="m.degroot@sdd.nl", planner_phone="078 770 1234"
)


def test_guide_names_the_planner_and_the_date_to_answer_by():
    plan = solve(problem([case("A"), case("B")], **OFFICE))
    text = _guide(plan)
    deadline = answer_by(plan, "Yulius")
    assert deadline is not None and deadline < min(a.day for a in plan.appointments)
    assert "M. de Groot, m.degroot@sdd.nl, 078 770 1234" in text
    created = date.fromisoformat(plan.created[:10])
    expected = long_date(deadline) if deadline >= created else "zo snel mogelijk"
    assert expected in text
    assert "yulius.ics" in text and "geen herindicatiegesprek" not in text


def test_guide_without_appointments_mentions_no_calendar_file():
    stale = case("A", support_plan_date=date(2025, 1, 1))
    plan = solve(problem([stale], **OFFICE))
    assert plan.appointments == ()
    text = _guide(plan)
    assert "geen herindicatiegesprek" in text and ".ics" not in text
    assert "M. de Groot" in text  # still someone to call


def test_guide_after_a_rerun_points_to_the_changes_and_cancellations():
    plan = solve(problem([case("A"), case("B")], **OFFICE))
    gone = plan.appointments[0]
    rerun = replace(plan, revision=2, cancelled=(gone,), changes=())
    assert "geannuleerd/yulius/" not in _guide(rerun)  # told only with its change listed
    change = Change(gone.dossier, gone.provider, "geannuleerd", "withdrawn", gone)
    text = _guide(replace(rerun, changes=(change,)))
    assert "versie 2" in text and "Wijzigingen" in text and "geannuleerd/yulius/" in text
