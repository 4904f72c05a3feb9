"""Render one printed page of a workbook to PNG for the README, as a printer would see it.

    python docs/render_page.py planning/aanbieders/timon.xlsx 1 docs/aanbieder-planning.png
    python docs/render_page.py planning/overzicht.xlsx 12 docs/rooster.png

LibreOffice headless turns the workbook into a PDF (the same way the print
test does) and poppler's ``pdftoppm`` turns the chosen page into a PNG.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def main() -> None:
    workbook, page, target = Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
    with tempfile.TemporaryDirectory() as tmp:
        profile = (Path(tmp) / "profile").as_uri()
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation={profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(workbook),
            ],
            check=True,
            capture_output=True,
        )
        pdf = Path(tmp) / f"{workbook.stem}.pdf"
        stem = Path(tmp) / "page"
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "80",
                "-f",
                str(page),
                "-l",
                str(page),
                "-singlefile",
                str(pdf),
                str(stem),
            ],
            check=True,
        )
        shutil.copy(stem.with_suffix(".png"), target)
    print(target)


if __name__ == "__main__":
    main()
