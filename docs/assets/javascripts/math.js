// Render the math that pymdownx.arithmatex marked up, with the vendored KaTeX (no network).
// Material's document$ emits once per page load (instant navigation is off so that file:// works).
document$.subscribe(function () {
  document.querySelectorAll(".arithmatex").forEach(function (element) {
    renderMathInElement(element, {
      delimiters: [
        { left: "\\(", right: "\\)", display: false },
        { left: "\\[", right: "\\]", display: true }
      ],
      throwOnError: false
    });
  });
});
