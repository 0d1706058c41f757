// Assessment form: shows the fields of the chosen method (LEC or LS); the live result comes from htmx.
(function () {
  'use strict';
  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }
  ready(function () {
    var form = document.getElementById('assess-form');
    if (!form) { return; }
    function sync() {
      var checked = form.querySelector('input[name="method"]:checked');
      var method = checked ? checked.value : 'LEC';
      form.querySelectorAll('fieldset[data-method]').forEach(function (fs) {
        var on = fs.getAttribute('data-method') === method;
        fs.hidden = !on;
        fs.querySelectorAll('select').forEach(function (s) { s.disabled = !on; });
      });
    }
    form.querySelectorAll('input[name="method"]').forEach(function (r) { r.addEventListener('change', sync); });
    sync();
  });
})();
