// Exercise library: keeps the filter form in step with the URL after Back, keeps keyboard focus
// in place after htmx swaps, and offers a print button (the timer is in exercise-timer.js).
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

  document.addEventListener("click", function (event) {
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
    document.querySelectorAll("[data-print]").forEach(function (b) { b.hidden = false; });
  }
  enhance();
  document.addEventListener("htmx:historyRestore", enhance);
})();
