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
// File fields: the browser's own button and "no file chosen" speak the browser's language, not the
// user's. Each file input gets a button and the chosen names in the page's language (the texts are
// on <body>); the input itself stays in the form, hidden from sight only.
(function () {
  function names(input) {
    var list = Array.prototype.map.call(input.files || [], function (file) { return file.name; });
    return list.length ? list.join(document.body.dataset.listSeparator || ", ") : document.body.dataset.fileNone;
  }
  function enhance(root) {
    root.querySelectorAll("input[type=file]:not([data-picker])").forEach(function (input, index) {
      if (!document.body.dataset.fileChoose) return;
      input.setAttribute("data-picker", "");
      if (!input.id) input.id = "file-" + Date.now() + "-" + index;
      var picker = document.createElement("span");
      picker.className = "file-picker";
      var button = document.createElement("label");
      button.className = "btn secondary";
      button.htmlFor = input.id;
      button.textContent = document.body.dataset.fileChoose;
      var chosen = document.createElement("span");
      chosen.className = "file-name";
      chosen.textContent = names(input);
      input.parentNode.insertBefore(picker, input);
      picker.appendChild(input);
      picker.appendChild(button);
      picker.appendChild(chosen);
      input.addEventListener("change", function () { chosen.textContent = names(input); });
    });
  }
  document.addEventListener("DOMContentLoaded", function () { enhance(document); });
  document.addEventListener("htmx:afterSwap", function (event) { enhance(event.target); });
})();
