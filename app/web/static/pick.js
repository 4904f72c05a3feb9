// A file picker in the page's own words: the chosen names beside its button.
(function () {
  for (const input of document.querySelectorAll(".file-pick input[type=file]")) {
    input.addEventListener("change", () => {
      const said = input.closest(".pick").querySelector(".chosen");
      const names = Array.from(input.files).map((f) => f.name).join(", ");
      said.textContent = names || said.dataset.none;
    });
  }
})();
