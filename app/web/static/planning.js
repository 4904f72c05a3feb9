// The planning page: one section shown at a time (the menu at the top, or the address's
// #part), the filter applies at once; an interview is moved by dragging it to another
// consultant-morning (or with its Move button and the form in its dialog), and every
// move is checked by the server before it can be saved. After a save the page comes
// back where it was: same filter, same scroll position.
(function () {
  for (const select of document.querySelectorAll("select[data-submit]")) {
    select.addEventListener("change", () => select.form.submit());
  }

  // Sections as tabs: the panel that holds the address's #part, else the first.
  const panels = Array.from(document.querySelectorAll("section.tab"));
  const menu = Array.from(document.querySelectorAll("#sections a"));
  function showPart(hash, scroll) {
    if (!panels.length) return;
    const target = hash.length > 1 ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
    const panel = (target && target.closest("section.tab")) || panels[0];
    for (const p of panels) p.hidden = p !== panel;
    for (const a of menu) {
      if (a.hash === "#" + panel.id) a.setAttribute("aria-current", "true");
      else a.removeAttribute("aria-current");
    }
    if (scroll && target && target !== panel) target.scrollIntoView();
  }
  window.addEventListener("hashchange", () => showPart(location.hash, true));
  showPart(location.hash, true);
  if (document.querySelector(".banner")) window.scrollTo(0, 0); // what happened, in view

  // A search: the timeline scrolls to its first hit.
  const hit = document.querySelector("#timeline td.hit");
  const frame = document.getElementById("timeline-scroll");
  if (hit && frame) {
    const who = document.querySelector("#timeline th.who");
    const left = hit.getBoundingClientRect().left - frame.getBoundingClientRect().left;
    const covered = who ? who.getBoundingClientRect().width : 0;
    if (left < covered || left + hit.offsetWidth > frame.clientWidth) frame.scrollLeft += left - covered;
  }

  const form = document.getElementById("move-form");
  const result = document.getElementById("move-result");
  const box = document.getElementById("move-box");
  if (!form || !result || !box) return;
  document.body.append(box); // a dialog of the whole page: Move buttons in every section open it

  // Back where the planner was after saving a move (the server keeps the filter).
  const KEY = "herplan-scroll:" + location.pathname;
  form.addEventListener("submit", () => {
    sessionStorage.setItem(KEY, JSON.stringify({ y: window.scrollY, x: frame ? frame.scrollLeft : 0 }));
  });
  const saved = sessionStorage.getItem(KEY);
  if (saved && new URLSearchParams(location.search).has("verplaatst")) {
    const at = JSON.parse(saved);
    if (frame) frame.scrollLeft = at.x;
    window.scrollTo(0, at.y);
    const arrived = document.getElementById("arrival-" + new URLSearchParams(location.search).get("verplaatst"));
    if (arrived) arrived.classList.add("just");
  }
  sessionStorage.removeItem(KEY);

  function openBox() {
    if (!box.matches(":popover-open")) box.showPopover();
  }
  if (box.dataset.open === "yes") openBox();

  function show(found) {
    result.replaceChildren();
    const said = document.createElement("div");
    said.className = found.allowed ? "ok" : "refusal";
    const p = document.createElement("p");
    p.textContent = found.text;
    said.append(p);
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
      said.append(list);
    }
    result.append(said);
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
    result.replaceChildren();
  }

  function closeVisits() {
    for (const open of document.querySelectorAll(".visit + .pop:popover-open")) open.hidePopover();
  }

  document.getElementById("move-check").addEventListener("click", check);
  for (const button of document.querySelectorAll("button[data-move]")) {
    button.addEventListener("click", () => {
      choose(button.dataset.move);
      closeVisits();
      openBox();
      form.elements.consulent.focus();
    });
  }
  for (const row of document.querySelectorAll("tr.appointment[draggable]")) {
    row.addEventListener("dragstart", (event) => {
      event.dataTransfer.setData("text/plain", row.dataset.dossier);
      event.dataTransfer.effectAllowed = "move";
      const pop = row.closest(".pop"); // see-through once the drag runs: the cells beneath take the drop
      setTimeout(() => pop.classList.add("dragging"), 50);
    });
    row.addEventListener("dragend", () => row.closest(".pop").classList.remove("dragging"));
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
      closeVisits();
      openBox();
      check();
    });
  }
})();
