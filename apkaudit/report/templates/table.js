/* Sorting and filtering of the ratings table. It reads the table's own DOM (cell text, data-* attributes) and
   moves rows; it never parses or inserts HTML, and no app data is ever part of this script. */
(function () {
  "use strict";
  var table = document.getElementById("ratings");
  var controls = document.getElementById("controls");
  if (!table || !controls) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var text = document.getElementById("filter-text");
  var grade = document.getElementById("filter-grade");
  var count = document.getElementById("shown-count");
  var template = count.getAttribute("data-template") || "";
  controls.hidden = false;

  function value(row, col, numeric) {
    var cell = row.cells[col];
    var raw = cell.getAttribute("data-sort");
    if (raw === null) { raw = cell.textContent; }
    if (numeric) {
      var n = parseFloat(raw);
      return isNaN(n) ? Infinity : n;
    }
    return raw.trim().toLowerCase();
  }

  function sortBy(col) {
    var head = heads[col];
    var numeric = head.getAttribute("data-type") === "number";
    var ascending = head.getAttribute("aria-sort") !== "ascending";
    heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
    head.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var keyed = rows.map(function (row, i) { return { row: row, key: value(row, col, numeric), i: i }; });
    keyed.sort(function (a, b) {
      var c = a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i;
      return ascending ? c : -c;
    });
    keyed.forEach(function (k) { body.appendChild(k.row); });
  }

  function filter() {
    var query = text.value.trim().toLowerCase();
    var wanted = grade.value;
    var shown = 0;
    rows.forEach(function (row) {
      var ok = (!query || (row.getAttribute("data-search") || "").indexOf(query) !== -1) &&
        (!wanted || row.getAttribute("data-grade") === wanted);
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    count.textContent = template.replace("{shown}", String(shown)).replace("{total}", String(rows.length));
  }

  heads.forEach(function (head, col) {
    var button = head.querySelector("button");
    if (button) { button.addEventListener("click", function () { sortBy(col); }); }
  });
  text.addEventListener("input", filter);
  grade.addEventListener("change", filter);
  filter();
}());
