// django-import-export 4.4's export page labels its "Select all" box for an id
// the box does not have; give the box that id so the label names it.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("input.select-toggle:not([id])").forEach(function (box) {
    box.id = box.name;
  });
});
