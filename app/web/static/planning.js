// The planning page: choosing a provider shows its view at once.
(function () {
  for (const select of document.querySelectorAll("select[data-submit]")) {
    select.addEventListener("change", () => select.form.submit());
  }
})();
