// A table or display equation wider than the page scrolls inside its box; make that box reachable by
// keyboard so it can be scrolled without a mouse (axe rule scrollable-region-focusable). Deferred so it
// runs after the theme has wrapped tables and KaTeX has rendered the math.
document$.subscribe(function () {
  window.setTimeout(function () {
    document.querySelectorAll(".md-typeset__scrollwrap, .md-typeset div.arithmatex").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth && !box.hasAttribute("tabindex")) {
        box.tabIndex = 0;
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", box.classList.contains("arithmatex") ? "Equation" : "Table");
      }
    });
  }, 0);
});
