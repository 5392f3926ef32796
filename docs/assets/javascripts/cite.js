// "Cite this page": the copy button puts the plain-text citation on the clipboard. The button
// is hidden in the HTML and shown here, so without JavaScript (or a clipboard) there is none.
(function () {
  "use strict";
  function show() {
    if (!navigator.clipboard) return;
    document.querySelectorAll("button.cite-copy[hidden]").forEach(function (button) {
      button.hidden = false;
    });
  }
  document.addEventListener("DOMContentLoaded", show);
  // Material's instant navigation swaps pages without a new DOMContentLoaded.
  if (window.document$) window.document$.subscribe(show);
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button.cite-copy");
    if (!button) return;
    var source = document.getElementById(button.dataset.copy);
    navigator.clipboard.writeText(source.dataset.text).then(function () {
      var label = button.textContent;
      button.textContent = button.dataset.done;
      setTimeout(function () { button.textContent = label; }, 2000);
    });
  });
})();
