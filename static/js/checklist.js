// The print button is useful only with JavaScript, so it is hidden until this runs.
document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
