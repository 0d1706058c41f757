// Service worker of the grid workers' field page, installed when the worker asks for the page to be kept on the
// phone: it keeps the page and its scripts so the page opens without a network (network first, the kept copy when
// offline). Reports themselves are queued by hazard-field.js in localStorage; API calls are never intercepted.
'use strict';
var CACHE = 'yingji-hazard-field-v1';
var PAGE = '/hazards/field';
var ASSETS = [PAGE, '/js/hazard-field.js', '/js/hazard-locate.js', '/js/app.js', '/css/app.css'];

self.addEventListener('install', function (e) {
  e.waitUntil(caches.open(CACHE).then(function (c) { return c.addAll(ASSETS); }).then(function () {
    return self.skipWaiting();
  }));
});

self.addEventListener('activate', function (e) {
  e.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== CACHE && k.indexOf('yingji-hazard-field') === 0; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (e) {
  var url = new URL(e.request.url);
  if (e.request.method !== 'GET' || url.origin !== self.location.origin || ASSETS.indexOf(url.pathname) < 0) {
    return;
  }
  e.respondWith(fetch(e.request).then(function (res) {
    if (res.ok && !res.redirected) {
      var copy = res.clone();
      caches.open(CACHE).then(function (c) { c.put(url.pathname, copy); });
    }
    return res;
  }).catch(function () {
    return caches.match(url.pathname).then(function (hit) { return hit || Response.error(); });
  }));
});
