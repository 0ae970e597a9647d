// A calendar wider than the screen starts at its newest (right-hand) end.
document.querySelectorAll(".chart-scroll").forEach((box) => {
  box.scrollLeft = box.scrollWidth;
});
