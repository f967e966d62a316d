// django-import-export's export page wires its "Select all" box with an inline
// onchange attribute, which the Content-Security-Policy blocks; wire it here instead.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("input.select-toggle").forEach(function (box) {
    box.addEventListener("change", function (event) {
      if (typeof window.onSelectToggleChange === "function") {
        window.onSelectToggleChange(event);
      }
    });
  });
});
