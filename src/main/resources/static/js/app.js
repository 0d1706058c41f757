// Shell behaviour shared by every page: CSRF header for htmx and fetch, the phone navigation toggle.
(function () {
  'use strict';
  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { header: header.content, token: token.content } : null;
  }
  window.yingji = window.yingji || {};
  window.yingji.csrf = csrf;
  // fetch() wrapper that adds the CSRF header on writes and parses problem+json errors.
  window.yingji.fetchJson = function (url, options) {
    options = options || {};
    options.headers = options.headers || {};
    var c = csrf();
    if (c && options.method && options.method !== 'GET') { options.headers[c.header] = c.token; }
    options.credentials = 'same-origin';
    return fetch(url, options).then(function (r) {
      var type = r.headers.get('Content-Type') || '';
      var body = type.indexOf('json') >= 0 ? r.json() : r.text();
      return body.then(function (b) { if (!r.ok) { var e = new Error((b && b.detail) || r.statusText); e.problem = b; throw e; } return b; });
    });
  };
  document.addEventListener('htmx:configRequest', function (evt) {
    var c = csrf();
    if (c) { evt.detail.headers[c.header] = c.token; }
  });
  document.addEventListener('DOMContentLoaded', function () {
    var toggle = document.querySelector('.nav-toggle');
    var nav = document.getElementById('sidenav');
    if (toggle && nav) {
      toggle.addEventListener('click', function () {
        var open = nav.classList.toggle('open');
        toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
      });
    }
  });
  // Buttons with data-geolocate="lonInputId,latInputId" fill those inputs from the device position.
  document.addEventListener('click', function (evt) {
    var b = evt.target.closest ? evt.target.closest('[data-geolocate]') : null;
    if (!b || !navigator.geolocation) { return; }
    var ids = b.getAttribute('data-geolocate').split(',');
    navigator.geolocation.getCurrentPosition(function (pos) {
      document.getElementById(ids[0]).value = pos.coords.longitude.toFixed(6);
      document.getElementById(ids[1]).value = pos.coords.latitude.toFixed(6);
    });
  });
  // Choosing a proposed plan preselects the level it suggests.
  document.addEventListener('change', function (evt) {
    var t = evt.target;
    if (t && t.name === 'planId' && t.getAttribute('data-level')) {
      var sel = document.getElementById('command-level');
      if (sel) { sel.value = t.getAttribute('data-level'); }
    }
  });
})();
