// Exercise library: keeps the filter form in step with the URL after Back, runs the hold/rep
// timer, keeps keyboard focus in place after htmx swaps, and offers a print button.
// Everything here is an enhancement: the pages work without it.
(function () {
  "use strict";

  // Filters ------------------------------------------------------------------------------
  function syncFiltersFromUrl() {
    var form = document.querySelector("[data-filter-form]");
    if (!form) return;
    var params = new URLSearchParams(window.location.search);
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name) return;
      if (field.type === "checkbox") {
        field.checked = params.has(field.name) && params.get(field.name) !== "";
      } else if (field.tagName === "SELECT") {
        var value = params.get(field.name) || "";
        var match = Array.prototype.some.call(field.options, function (o) { return o.value === value; });
        field.value = match ? value : field.options[0].value;
      } else if (field.type !== "submit" && field.type !== "hidden") {
        field.value = params.get(field.name) || "";
      }
    });
  }
  document.addEventListener("htmx:historyRestore", syncFiltersFromUrl);

  // Leave empty filters (and the default sort) out of the URL, so it is short to share.
  document.addEventListener("htmx:configRequest", function (event) {
    if (!event.detail.elt.matches("[data-filter-form]")) return;
    var data = event.detail.formData;
    Array.from(data.keys()).forEach(function (key) {
      var value = data.get(key);
      if (value === "" || (key === "sort" && value === event.detail.elt.dataset.defaultSort)) data.delete(key);
    });
  });
  window.addEventListener("pageshow", syncFiltersFromUrl);

  // The filters fold on a phone so that the first exercise shows; a wide screen has room.
  function unfoldFiltersOnWideScreens() {
    var more = document.querySelector("[data-filter-more]");
    if (more && window.matchMedia("(min-width: 40.01rem)").matches) more.open = true;
  }

  // Timer --------------------------------------------------------------------------------
  var timers = new WeakMap();

  function timerState(box) {
    var state = timers.get(box);
    if (!state) {
      var hold = parseInt(box.dataset.hold, 10) || 0;
      var reps = parseInt(box.dataset.reps, 10) || 0;
      state = { hold: hold, reps: reps, remaining: hold, rep: 1, done: 0, interval: null };
      timers.set(box, state);
    }
    return state;
  }

  function announce(box, text) {
    box.querySelector("[data-timer-status]").textContent = text;
  }

  function show(box, state) {
    var count = box.querySelector("[data-timer-count]");
    count.textContent = state.hold ? String(state.remaining) : String(state.done);
    var rep = box.querySelector("[data-timer-rep]");
    if (rep) rep.textContent = String(Math.min(state.rep, state.reps));
  }

  function stop(state) {
    if (state.interval) window.clearInterval(state.interval);
    state.interval = null;
  }

  function label(box, text) {
    box.querySelector("[data-timer-start]").textContent = text;
  }

  function repText(state) {
    return state.reps ? " Repetition " + state.rep + " of " + state.reps + "." : "";
  }

  function finishHold(box, state) {
    stop(state);
    if (state.reps && state.rep >= state.reps) {
      announce(box, "Relax. All " + state.reps + " repetitions done. Well done.");
      state.rep = 1;
      label(box, "Start again");
    } else {
      announce(box, "Relax." + (state.reps ? " Repetition " + state.rep + " done." : ""));
      if (state.reps) state.rep += 1;
      label(box, state.reps ? "Start repetition " + state.rep : "Start hold");
    }
    state.remaining = state.hold;
    show(box, state);
  }

  function startOrPause(box) {
    var state = timerState(box);
    if (!state.hold) {
      state.done = state.done >= state.reps ? 1 : state.done + 1;
      show(box, state);
      announce(box, state.done >= state.reps
        ? "All " + state.reps + " repetitions done. Well done."
        : state.done + " of " + state.reps + " done.");
      return;
    }
    if (state.interval) {
      stop(state);
      announce(box, "Paused with " + state.remaining + " seconds left.");
      label(box, "Resume");
      return;
    }
    announce(box, "Hold for " + state.remaining + " seconds." + repText(state));
    label(box, "Pause");
    state.interval = window.setInterval(function () {
      state.remaining -= 1;
      show(box, state);
      if (state.remaining <= 0) {
        finishHold(box, state);
      } else if (state.remaining === 5 && state.hold >= 15) {
        announce(box, "5 seconds left.");
      }
    }, 1000);
  }

  function reset(box) {
    var state = timerState(box);
    stop(state);
    state.remaining = state.hold;
    state.rep = 1;
    state.done = 0;
    show(box, state);
    label(box, state.hold ? "Start hold" : "Count a repetition");
    announce(box, "Timer reset.");
  }

  function enhanceTimers() {
    document.querySelectorAll("[data-timer]").forEach(function (box) {
      box.querySelector(".timer-controls").hidden = false;
      var fallback = box.querySelector(".timer-fallback");
      if (fallback) fallback.hidden = true;
    });
  }

  document.addEventListener("click", function (event) {
    var start = event.target.closest("[data-timer-start]");
    var resetButton = event.target.closest("[data-timer-reset]");
    if (start) startOrPause(start.closest("[data-timer]"));
    if (resetButton) reset(resetButton.closest("[data-timer]"));
    var print = event.target.closest("[data-print]");
    if (print) window.print();
  });

  // Focus after htmx swaps ------------------------------------------------------------------
  var pendingFocus = null;
  document.addEventListener("htmx:beforeRequest", function () {
    var active = document.activeElement;
    if (!active) return;
    var item = active.closest(".routine-item");
    pendingFocus = {
      key: active.dataset.focusKey || null,
      item: item ? item.id : null,
      pagination: Boolean(active.closest(".pagination")),
    };
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    var target = event.detail.target;
    if (target && target.id === "results" && pendingFocus && pendingFocus.pagination) {
      var results = document.getElementById("results");
      if (results) results.focus();  // the link that was followed is gone
    } else if (target && target.id === "routine-button") {
      var button = document.querySelector("#routine-button [data-routine-focus]");
      if (button) button.focus();
    } else if (target && target.classList.contains("card-routine")) {
      // The form that had focus is gone: focus the link that replaced it.
      var saved = document.querySelector("#" + target.id + " [data-routine-focus]");
      if (saved) saved.focus();
    } else if (target && target.id === "routine" && pendingFocus) {
      var selector = pendingFocus.key ? '[data-focus-key="' + pendingFocus.key + '"]' : null;
      var element = selector && document.querySelector(selector);
      if (!element && pendingFocus.item) {
        element = document.querySelector("#" + pendingFocus.item + " button");
      }
      if (!element) element = document.querySelector("#routine a, #routine button");
      if (element) element.focus();
    }
    pendingFocus = null;
  });

  function enhance() {
    unfoldFiltersOnWideScreens();
    enhanceTimers();
    document.querySelectorAll("[data-print]").forEach(function (b) { b.hidden = false; });
  }
  enhance();
  document.addEventListener("htmx:historyRestore", enhance);
})();
