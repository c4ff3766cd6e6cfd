// Small behaviours: the phone menu, forms sent on a change, and the CSRF token for htmx requests.
// No inline handler anywhere: the Content-Security-Policy allows only these files' scripts.
document.addEventListener("DOMContentLoaded", function () {
  var toggle = document.querySelector(".menu-toggle");
  if (toggle) toggle.addEventListener("click", function () { document.body.classList.toggle("menu-open"); });
});
document.addEventListener("htmx:configRequest", function (event) {
  var token = document.querySelector("meta[name=csrf-token]");
  if (token) event.detail.headers["X-CSRFToken"] = token.content;
});
document.addEventListener("change", function (event) {
  if (event.target.matches && event.target.matches("[data-submit-on-change]")) event.target.form.submit();
});
// The help drawer: the "?" in the header opens it (htmx loads the screen's help into it); × or Escape closes it.
(function () {
  function closeHelp() {
    var drawer = document.getElementById("help-drawer");
    var toggle = document.querySelector(".help-toggle");
    if (!drawer || drawer.hidden) return;
    drawer.hidden = true;
    if (toggle) {
      toggle.setAttribute("aria-expanded", "false");
      toggle.focus();
    }
  }
  document.addEventListener("click", function (event) {
    var toggle = event.target.closest && event.target.closest(".help-toggle");
    var drawer = document.getElementById("help-drawer");
    if (toggle && drawer) {
      drawer.hidden = false;
      toggle.setAttribute("aria-expanded", "true");
      drawer.querySelector(".help-close").focus();
    } else if (event.target.closest && event.target.closest(".help-close")) {
      closeHelp();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") closeHelp();
  });
})();
