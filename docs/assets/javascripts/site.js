// Small aids to reading; without JavaScript the page works as before.
// - The language switcher keeps the place: switching on /stages/x/#key-events opens the other
//   language's page at #key-events (every generated heading has the same id in each language).
// - The 404 page's search button opens Material's search (shown only when it can work).
document.addEventListener("click", (event) => {
  const link = event.target.closest("a.md-select__link[hreflang]");
  if (link && location.hash) link.href = link.href.split("#")[0] + location.hash;
}, true);

document.querySelectorAll("[data-open-search]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => {
    const toggle = document.getElementById("__search");
    if (toggle) toggle.checked = true;
    const input = document.querySelector(".md-search__input");
    if (input) input.focus();
  });
});
