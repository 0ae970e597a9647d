// A calendar wider than the screen starts at its newest (right-hand) end.
document.querySelectorAll(".chart-scroll").forEach((box) => {
  box.scrollLeft = box.scrollWidth;
});

// Journal forms. Each works without this script; it only saves typing and page loads.

function tagsOf(input) {
  return input.value.split(/[,;\n]/).map((tag) => tag.trim().toLowerCase()).filter(Boolean);
}

function showChips(root) {
  root.querySelectorAll("[data-chips-for]").forEach((chips) => {
    const input = document.getElementById(chips.dataset.chipsFor);
    if (!input || chips.dataset.ready) return;
    chips.dataset.ready = "1";
    const sync = () => {
      const tags = tagsOf(input);
      chips.querySelectorAll("[data-chip]").forEach((chip) => {
        chip.setAttribute("aria-pressed", String(tags.includes(chip.dataset.chip)));
      });
    };
    chips.hidden = false;
    chips.parentElement.querySelector("[data-suggestions-text]").hidden = true;
    input.addEventListener("input", sync);
    sync();
  });
}

function regionSummary(root) {
  root.querySelectorAll(".body-map-field").forEach((field) => {
    if (field.dataset.ready) return;
    field.dataset.ready = "1";
    const summary = field.querySelector("[data-region-summary]");
    const boxes = [...field.querySelectorAll(".region input")];
    field.addEventListener("change", () => {
      const ticked = boxes.filter((box) => box.checked);
      summary.textContent = "Ticked: " + (ticked.map((box) => box.labels[0].textContent).join("; ") || "none");
    });
  });
}

function setUp(root) {
  showChips(root);
  regionSummary(root);
}

document.addEventListener("click", (event) => {
  const chip = event.target.closest("[data-chip]");
  if (chip) {
    const input = document.getElementById(chip.closest("[data-chips-for]").dataset.chipsFor);
    const tag = chip.dataset.chip;
    const tags = tagsOf(input);
    const next = tags.includes(tag) ? tags.filter((t) => t !== tag) : [...tags, tag];
    input.value = next.join(", ");
    input.dispatchEvent(new Event("input"));
    return;
  }
  const add = event.target.closest("[data-add-row]");
  if (add) {
    // A copy of Django's empty form, numbered as the next one: no page load, nothing saved.
    event.preventDefault();
    const total = document.getElementById("id_ex-TOTAL_FORMS");
    const max = Number(document.getElementById("id_ex-MAX_NUM_FORMS").value);
    const index = Number(total.value);
    if (index >= max) return;
    const html = document.getElementById("exercise-row-template").innerHTML
      .replaceAll("__prefix__", String(index))
      .replaceAll("__number__", String(index + 1));
    const rows = document.getElementById("exercise-rows");
    rows.insertAdjacentHTML("beforeend", html);
    total.value = String(index + 1);
    if (index + 1 >= max) add.disabled = true;
    rows.lastElementChild.querySelector("select, input").focus();
  }
});

// After a quick log is saved in place, clear the chosen number for the next one.
document.addEventListener("htmx:afterRequest", (event) => {
  const form = event.detail.elt;
  if (form.id === "quick-form" && event.detail.successful) {
    form.querySelectorAll("input[name=pain]").forEach((radio) => { radio.checked = false; });
  }
});

document.addEventListener("htmx:load", (event) => setUp(event.detail.elt));
setUp(document);
