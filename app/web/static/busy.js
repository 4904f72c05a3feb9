// The progress page: ask the server how the run goes, every second, until it is done.
(function () {
  const page = document.getElementById("progress");
  if (!page || page.dataset.poll !== "yes") { return; }
  const name = page.dataset.name, lang = page.dataset.lang;
  const words = JSON.parse(page.dataset.words);
  async function poll() {
    const answer = await fetch("/p/" + name + "/status?taal=" + lang);
    if (!answer.ok) { location.reload(); return; }  // the planning is gone: say so
    const s = await answer.json();
    if (s.done) {
      if (s.errors.length) { location.reload(); } else { location.href = "/p/" + name + "?taal=" + lang + "&gepland=1"; }
      return;
    }
    let text = s.phase;
    if (s.planned !== null) { text += " — " + s.planned + " " + words.planned; }
    if (s.upper !== null) { text += " " + words.of + " " + s.upper; }
    document.getElementById("phase").textContent = text;
    if (s.limit) {
      document.getElementById("bar").style.width = Math.min(100, 100 * s.elapsed / s.limit) + "%";
      document.getElementById("time").textContent = s.elapsed.toFixed(0) + " s " + words.elapsed
        + ", " + words.left + " " + Math.max(0, s.limit - s.elapsed).toFixed(0) + " s";
    }
    setTimeout(poll, 1000);
  }
  poll();
})();
