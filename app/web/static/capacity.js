// The capacity page while its advice is computed: look again every two seconds.
(function () {
  const busy = document.getElementById("capacity-busy");
  if (!busy || busy.dataset.poll !== "yes") { return; }
  setTimeout(function () { location.reload(); }, 2000);
})();
