/* The guided tour: plays the steps of the user's tour (guide/tours.py) across pages.
   The page gives the tour as JSON (#tour-data); each move is saved for the user, so a
   tour resumes on the next page or sign-in, and once finished or closed it is not offered again. */
(function () {
  "use strict";
  var data = document.getElementById("tour-data");
  if (!data) { return; }
  var tour = JSON.parse(data.textContent);
  var token = document.querySelector('meta[name="csrf-token"]');
  var box = null;
  var lit = null;

  function save(step, status) {
    return fetch(tour.progress_url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": token ? token.content : "" },
      body: JSON.stringify({ tour: tour.tour, step: step, status: status })
    });
  }

  function counter(step) {
    return tour.labels.counter.replace("{step}", step + 1).replace("{total}", tour.steps.length);
  }

  function clear() {
    if (lit) { lit.classList.remove("tour-highlight"); lit = null; }
    if (box) { box.remove(); box = null; }
  }

  function button(label, id, secondary, action) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = secondary ? "btn secondary small" : "btn small";
    b.id = id;
    b.textContent = label;
    b.addEventListener("click", action);
    return b;
  }

  function frame(text, position) {
    clear();
    box = document.createElement("div");
    box.className = "tour-box";
    box.id = "tour-box";
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-label", tour.title);
    var head = document.createElement("div");
    head.className = "tour-head";
    var title = document.createElement("strong");
    title.textContent = tour.title;
    head.appendChild(title);
    if (position) {
      var count = document.createElement("span");
      count.className = "tour-count";
      count.textContent = position;
      head.appendChild(count);
    }
    var body = document.createElement("p");
    body.className = "tour-text";
    body.textContent = text;
    var buttons = document.createElement("div");
    buttons.className = "tour-buttons";
    box.appendChild(head);
    box.appendChild(body);
    box.appendChild(buttons);
    document.body.appendChild(box);
    return buttons;
  }

  function place(target) {
    if (!target) { box.classList.add("tour-centre"); return; }
    target.scrollIntoView({ block: "center" });
    var r = target.getBoundingClientRect();
    var top = r.bottom + 10;
    if (top + box.offsetHeight > window.innerHeight - 8) { top = Math.max(8, r.top - box.offsetHeight - 10); }
    var left = Math.min(Math.max(8, r.left), window.innerWidth - box.offsetWidth - 8);
    box.style.top = top + "px";
    box.style.left = left + "px";
  }

  function close() {
    save(tour.step, "dismissed");
    clear();
  }

  function go(step) {
    tour.step = step;
    save(step, "running").then(function () {
      if (tour.steps[step].url !== window.location.pathname) {
        window.location.href = tour.steps[step].url;
      } else {
        show(step);
      }
    });
  }

  function finish() {
    save(tour.step, "finished").then(clear);
  }

  function show(step) {
    var current = tour.steps[step];
    var last = step === tour.steps.length - 1;
    var buttons = frame(current.text, counter(step));
    if (step > 0) { buttons.appendChild(button(tour.labels.back, "tour-back", true, function () { go(step - 1); })); }
    buttons.appendChild(last
      ? button(tour.labels.finish, "tour-finish", false, finish)
      : button(tour.labels.next, "tour-next", false, function () { go(step + 1); }));
    buttons.appendChild(button(tour.labels.close, "tour-close", true, close));
    var target = document.querySelector(current.selector) || document.querySelector("h1");
    // A table scrolls inside its wrapper, which would clip the highlight: light up the wrapper.
    if (target && target.parentElement && target.parentElement.classList.contains("table-wrap")) {
      target = target.parentElement;
    }
    if (target) { target.classList.add("tour-highlight"); lit = target; }
    place(target);
  }

  function offer() {
    var buttons = frame(tour.labels.offer, "");
    buttons.appendChild(button(tour.labels.start, "tour-begin", false, function () { go(0); }));
    buttons.appendChild(button(tour.labels.later, "tour-later", true, close));
    place(null);
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && box) { close(); }
  });

  if (tour.status === "offered") {
    offer();
  } else if (tour.steps[tour.step].url === window.location.pathname) {
    show(tour.step);
  } else {
    var buttons = frame(tour.steps[tour.step].text, counter(tour.step));
    buttons.appendChild(button(tour.labels.next, "tour-resume", false, function () { go(tour.step); }));
    buttons.appendChild(button(tour.labels.close, "tour-close", true, close));
    place(null);
  }
}());
