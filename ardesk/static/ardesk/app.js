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
