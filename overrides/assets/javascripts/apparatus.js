/* The apparatus switch (overrides/partials/apparatus-switch.html): the plain reading text or the annotated one.

   The view is an attribute of the page, <html data-apparatus-view="plain|annotated">, set here before the page is
   drawn; edition.css hides the marks of the apparatus in the plain view (the words stay: only the edition's own
   markers and the styling of marked names go). The reader's choice is kept in the browser's local storage, which
   also serves a copy of the site opened from disk (file://); where the browser refuses storage, the choice holds
   for the page only. Nothing is fetched. The default, for a reader who has not chosen, is the annotated text
   (docs/principles.md says why). */
(function () {
  "use strict";
  var KEY = "redbook.apparatus-view";
  var VIEWS = ["annotated", "plain"];
  var DEFAULT = "annotated";
  var root = document.documentElement;
  if (root.hasAttribute("data-apparatus-view")) return; /* read once a page */

  function stored() {
    try {
      var value = window.localStorage.getItem(KEY);
      return VIEWS.indexOf(value) >= 0 ? value : null;
    } catch (error) {
      return null;
    }
  }

  function store(value) {
    try {
      window.localStorage.setItem(KEY, value);
    } catch (error) {
      /* storage refused: the choice holds for this page */
    }
  }

  function show(value) {
    root.setAttribute("data-apparatus-view", value);
    var switches = document.querySelectorAll("[data-apparatus-switch]");
    for (var i = 0; i < switches.length; i++) {
      switches[i].setAttribute("aria-checked", value === "annotated" ? "true" : "false");
    }
  }

  show(stored() || DEFAULT);

  function wire() {
    var switches = document.querySelectorAll("[data-apparatus-switch]");
    for (var i = 0; i < switches.length; i++) {
      switches[i].addEventListener("click", function () {
        var next = root.getAttribute("data-apparatus-view") === "annotated" ? "plain" : "annotated";
        store(next);
        show(next);
      });
    }
    show(root.getAttribute("data-apparatus-view"));
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", wire);
  } else {
    wire();
  }
  /* another window of the edition changed the choice */
  window.addEventListener("storage", function (event) {
    if (event.key === KEY && VIEWS.indexOf(event.newValue) >= 0) show(event.newValue);
  });
})();
