// The planning page: the filter applies at once; an interview is moved by dragging it to
// another consultant-morning (or with its Move button and the form), and every move is
// checked by the server before it can be saved.
(function () {
  for (const select of document.querySelectorAll("select[data-submit]")) {
    select.addEventListener("change", () => select.form.submit());
  }
  const form = document.getElementById("move-form");
  const result = document.getElementById("move-result");
  if (!form || !result) return;

  function show(found) {
    result.replaceChildren();
    const box = document.createElement("div");
    box.className = found.allowed ? "ok" : "refusal";
    const p = document.createElement("p");
    p.textContent = found.text;
    box.append(p);
    if (found.rules && found.rules.length) {
      const list = document.createElement("ul");
      for (const rule of found.rules) {
        const item = document.createElement("li");
        const title = document.createElement("b");
        title.textContent = rule.title;
        const finding = document.createElement("small");
        finding.textContent = " (" + rule.finding + ")";
        item.append(title, ": " + rule.why, finding);
        list.append(item);
      }
      box.append(list);
    }
    result.append(box);
  }

  async function check() {
    const data = new FormData(form);
    data.set("alleen_controleren", "1");
    result.textContent = "…";
    try {
      const answer = await fetch(form.action, { method: "POST", body: data, credentials: "same-origin" });
      show(await answer.json());
    } catch (error) {
      result.textContent = String(error);
    }
  }

  function choose(dossier, consultant, day) {
    form.elements.dossier.value = dossier;
    if (consultant) form.elements.consulent.value = consultant;
    if (day) form.elements.datum.value = day;
  }

  document.getElementById("move-check").addEventListener("click", check);
  for (const button of document.querySelectorAll("button[data-move]")) {
    button.addEventListener("click", () => {
      choose(button.dataset.move);
      document.getElementById("verplaatsen").scrollIntoView();
      form.elements.consulent.focus();
    });
  }
  for (const row of document.querySelectorAll("tr.appointment[draggable]")) {
    row.addEventListener("dragstart", (event) => {
      event.dataTransfer.setData("text/plain", row.dataset.dossier);
      event.dataTransfer.effectAllowed = "move";
    });
  }
  for (const cell of document.querySelectorAll("td.cell")) {
    cell.addEventListener("dragover", (event) => { event.preventDefault(); cell.classList.add("target"); });
    cell.addEventListener("dragleave", () => cell.classList.remove("target"));
    cell.addEventListener("drop", (event) => {
      event.preventDefault();
      cell.classList.remove("target");
      const dossier = event.dataTransfer.getData("text/plain");
      if (!dossier) return;
      choose(dossier, cell.dataset.consultant, cell.dataset.day);
      document.getElementById("verplaatsen").scrollIntoView();
      check();
    });
  }
})();
