// Grid workers' field page: every report is first queued on the phone (localStorage, photo as a data URL) and then
// sent to /api/v1/hazards with its own Idempotency-Key. Offline, or when a send fails on the network, the report
// stays queued and is sent again when the browser comes back online (or on "sync now"); the key makes every retry
// answer the first hazard instead of creating another.
(function () {
  'use strict';
  var QUEUE = 'yingji.hazard.queue';
  var SENT = 'yingji.hazard.sent';
  var syncing = false;

  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }
  function load(k) {
    try { return JSON.parse(localStorage.getItem(k) || '[]'); } catch (e) { return []; }
  }
  function save(k, v) { localStorage.setItem(k, JSON.stringify(v)); }
  function newKey() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    return Array.prototype.map.call(b, function (x) { return ('0' + x.toString(16)).slice(-2); }).join('');
  }
  function meta(name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute('content') : null;
  }
  function dataUrlToBlob(url) {
    var parts = url.split(',');
    var type = (parts[0].match(/data:([^;]+)/) || [])[1] || 'application/octet-stream';
    var bin = atob(parts[1]);
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
    return new Blob([bytes], { type: type });
  }
  function text(el, s) { el.textContent = s; }

  ready(function () {
    var page = document.getElementById('field-page');
    if (!page) { return; }
    var msg = page.dataset;
    var form = document.getElementById('field-form');
    var queueEl = document.getElementById('queue');
    var sentEl = document.getElementById('sent');
    var net = document.getElementById('net-status');

    function render() {
      var q = load(QUEUE);
      var s = load(SENT);
      queueEl.innerHTML = '';
      q.forEach(function (item) {
        var li = document.createElement('li');
        li.dataset.key = item.key;
        text(li, (item.description || '').slice(0, 40) + ' — ' + (item.error || msg.msgQueued));
        if (item.error) { li.className = 'field-error'; }
        queueEl.appendChild(li);
      });
      sentEl.innerHTML = '';
      s.slice(-20).forEach(function (item) {
        var li = document.createElement('li');
        li.dataset.key = item.key;
        var a = document.createElement('a');
        a.href = '/hazards/' + item.id;
        text(a, item.number);
        li.appendChild(a);
        li.appendChild(document.createTextNode(' ' + (item.description || '').slice(0, 40) + ' — ' + msg.msgSent));
        sentEl.appendChild(li);
      });
      queueEl.dataset.count = String(q.length);
      sentEl.dataset.count = String(s.length);
      net.dataset.online = String(navigator.onLine);
      text(net, navigator.onLine ? msg.msgOnline : msg.msgOffline);
    }

    function sendOne(item) {
      var fd = new FormData();
      ['description', 'industry', 'grade', 'address', 'lon', 'lat'].forEach(function (k) {
        if (item[k]) { fd.append(k, item[k]); }
      });
      if (item.photo) { fd.append('photo', dataUrlToBlob(item.photo), item.photoName || 'photo.jpg'); }
      var headers = { 'Idempotency-Key': item.key, Accept: 'application/json' };
      var h = meta('_csrf_header');
      if (h) { headers[h] = meta('_csrf'); }
      return fetch('/api/v1/hazards', { method: 'POST', body: fd, headers: headers, credentials: 'same-origin' })
        .then(function (r) {
          return r.json().catch(function () { return {}; }).then(function (body) { return { status: r.status, body: body }; });
        });
    }

    /** Sends every queued report once; network failures leave the rest queued for the next attempt. */
    function sync() {
      if (syncing) { return Promise.resolve(); }
      syncing = true;
      page.dataset.syncing = 'true';
      var q = load(QUEUE);
      var chain = Promise.resolve(true);
      q.forEach(function (item) {
        chain = chain.then(function (go) {
          if (!go) { return false; }
          return sendOne(item).then(function (res) {
            var current = load(QUEUE);
            if (res.status === 200 || res.status === 201) {
              save(QUEUE, current.filter(function (x) { return x.key !== item.key; }));
              var sent = load(SENT);
              if (!sent.some(function (x) { return x.key === item.key; })) {
                sent.push({ key: item.key, id: res.body.id && res.body.id.value ? res.body.id.value : res.body.id,
                  number: res.body.number, description: item.description });
                save(SENT, sent);
              }
            } else if (res.status >= 400 && res.status < 500 && res.status !== 401 && res.status !== 403
                       && res.status !== 408 && res.status !== 429) {
              current.forEach(function (x) {
                if (x.key === item.key) { x.error = (res.body && res.body.detail) || msg.msgFailed; }
              });
              save(QUEUE, current);
            } else {
              return false;
            }
            return true;
          }, function () { return false; });
        });
      });
      return chain.then(function () {
        syncing = false;
        page.dataset.syncing = 'false';
        page.dataset.syncs = String(Number(page.dataset.syncs || '0') + 1);
        render();
      });
    }

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var file = document.getElementById('f-photo').files[0];
      var item = {
        key: newKey(),
        description: document.getElementById('f-description').value,
        industry: document.getElementById('f-industry').value,
        grade: document.getElementById('f-grade').value,
        address: document.getElementById('f-address').value,
        lon: document.getElementById('f-lon').value,
        lat: document.getElementById('f-lat').value,
        queuedAt: new Date().toISOString()
      };
      function enqueue() {
        var q = load(QUEUE);
        q.push(item);
        save(QUEUE, q);
        form.reset();
        render();
        if (navigator.onLine) { sync(); }
      }
      if (!file) { enqueue(); return; }
      var reader = new FileReader();
      reader.onload = function () { item.photo = reader.result; item.photoName = file.name; enqueue(); };
      reader.readAsDataURL(file);
    });
    document.getElementById('field-sync').addEventListener('click', function () { sync(); });
    window.addEventListener('online', function () { render(); sync(); });
    window.addEventListener('offline', render);
    window.yingjiHazardSync = sync;
    // "Keep on this phone": a service worker (served below the page's path, see HazardPages#serviceWorker) keeps
    // the page so it opens without a network.
    var keep = document.getElementById('field-keep');
    if (keep && 'serviceWorker' in navigator) {
      navigator.serviceWorker.getRegistration('/hazards/field').then(function (reg) {
        if (reg && reg.active) { page.dataset.kept = 'true'; text(keep, msg.msgKept); }
      });
      keep.addEventListener('click', function () {
        navigator.serviceWorker.register('/hazards/field/sw.js', { scope: '/hazards/field' })
          .then(function (reg) {
            var w = reg.installing || reg.waiting || reg.active;
            function done() { page.dataset.kept = 'true'; text(keep, msg.msgKept); }
            if (w && w.state !== 'activated') {
              w.addEventListener('statechange', function () { if (w.state === 'activated') { done(); } });
            } else { done(); }
          }, function () { page.dataset.kept = 'false'; });
      });
    } else if (keep) {
      keep.disabled = true;
    }
    render();
    if (navigator.onLine && load(QUEUE).length) { sync(); }
  });
})();
