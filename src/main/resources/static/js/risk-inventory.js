// Inventory editor: adds an empty chemical row (the live S/R result comes from htmx on change).
(function () {
  'use strict';
  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }
  ready(function () {
    var button = document.getElementById('add-row');
    var body = document.querySelector('#inventory-rows tbody');
    if (!button || !body) { return; }
    button.addEventListener('click', function () {
      var last = body.querySelector('tr:last-child');
      if (!last) { return; }
      var row = last.cloneNode(true);
      row.querySelectorAll('input').forEach(function (i) { i.value = ''; });
      row.querySelectorAll('select').forEach(function (s) { s.selectedIndex = 0; });
      body.appendChild(row);
    });
  });
})();
