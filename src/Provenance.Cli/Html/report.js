// The report's behaviour: pan and zoom on the diagrams (svg-pan-zoom), and sorting and filtering of the claims table.
// Everything is readable without it: the controls start hidden and the diagrams are plain inline SVG.
(function () {
  "use strict";
  var table = document.getElementById("claims");
  var controls = document.getElementById("controls");
  var text = document.getElementById("filter-text");
  var origins = document.getElementById("filter-origins");
  var deadEnds = document.getElementById("filter-dead-ends");
  var count = document.getElementById("filter-count");
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);

  function filter() {
    var needle = text.value.trim().toLowerCase();
    var wanted = origins.value;
    var shown = 0;
    rows.forEach(function (row) {
      var n = Number(row.getAttribute("data-origins"));
      var ok = (needle === "" || row.getAttribute("data-text").indexOf(needle) >= 0)
        && (wanted === "" || (wanted === "2+" ? n >= 2 : n === Number(wanted)))
        && (!deadEnds.checked || Number(row.getAttribute("data-dead-ends")) > 0);
      row.classList.toggle("hidden", !ok);
      if (ok) { shown++; }
    });
    count.textContent = shown + " of " + rows.length + " claims";
  }

  function sort(th, index, numeric) {
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) { cell.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    rows.sort(function (a, b) {
      var x = a.cells[index].getAttribute("data-sort") || a.cells[index].textContent;
      var y = b.cells[index].getAttribute("data-sort") || b.cells[index].textContent;
      var c = numeric ? Number(x) - Number(y) : x.localeCompare(y);
      return ascending ? c : -c;
    });
    rows.forEach(function (row) { table.tBodies[0].appendChild(row); });
  }

  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
    var label = th.textContent;
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = label;
    button.title = "Sort by " + label.toLowerCase();
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", function () { sort(th, index, th.classList.contains("number")); });
  });
  [text, origins, deadEnds].forEach(function (input) { input.addEventListener("input", filter); input.addEventListener("change", filter); });
  controls.hidden = false;
  filter();

  if (typeof window.svgPanZoom === "function") {
    Array.prototype.forEach.call(document.querySelectorAll(".diagram svg"), function (svg) {
      svg.parentNode.classList.add("zoomable");
      window.svgPanZoom(svg, { controlIconsEnabled: true, zoomScaleSensitivity: 0.3, minZoom: 0.2, maxZoom: 20, fit: true, center: true });
    });
    Array.prototype.forEach.call(document.querySelectorAll(".diagram-help"), function (p) { p.hidden = false; });
  }
}());
