// Command centre: draws the active events, urgent reporting clocks and open tasks, and refetches them whenever the server
// says over Server-Sent Events that something changed (and every minute in any case).
(function () {
  'use strict';
  var COLOURS = { EXTRAORDINARY: '#c0392b', MAJOR: '#e67e22', LARGER: '#f1c40f', GENERAL: '#2e86de' };
  var root, map, layer, fitted = false, outlined = false;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function link(href, text) { var a = el('a', null, text); a.href = href; return a; }

  function render(s) {
    Object.keys(s.countsByGrade).forEach(function (g) {
      var badge = document.getElementById('count-' + g);
      if (badge) { badge.textContent = badge.textContent.replace(/\d+$/, s.countsByGrade[g]); }
    });
    document.getElementById('centre-updated').textContent =
      root.dataset.updated + ' ' + new Date(s.at).toLocaleTimeString(document.documentElement.lang || 'zh-CN');

    var clocks = document.getElementById('centre-clocks');
    clocks.replaceChildren();
    if (!s.clocks.length) { clocks.appendChild(el('li', 'muted', root.dataset.none)); }
    s.clocks.forEach(function (c) {
      var li = el('li', c.status === 'OVERDUE' ? 'overdue' : 'due-soon');
      li.appendChild(link('/incidents/' + c.incidentId, c.incidentNumber + ' ' + c.incidentTitle));
      var label = c.status === 'OVERDUE' ? root.dataset.overdue : root.dataset.dueSoon + ' ' +
        Math.max(0, Math.round(c.secondsLeft / 60)) + root.dataset.left;
      li.appendChild(el('span', null, c.recipient + ' · ' + label));
      clocks.appendChild(li);
    });

    Object.keys(s.taskCounts || {}).forEach(function (k) {
      var badge = document.getElementById('tasks-' + k);
      if (badge) { badge.textContent = badge.textContent.replace(/\d+$/, s.taskCounts[k]); }
    });
    var tasks = document.getElementById('centre-tasks');
    if (tasks) {
      tasks.replaceChildren();
      if (!s.tasks.length) { tasks.appendChild(el('li', 'muted', root.dataset.none)); }
      s.tasks.forEach(function (t) {
        var li = el('li', t.overdue ? 'overdue' : null);
        li.dataset.task = t.id;
        li.dataset.state = t.state;
        li.appendChild(link('/tasks/' + t.id, t.number + ' ' + t.title));
        li.appendChild(el('span', null, t.assignee + ' · ' + t.stateLabel));
        tasks.appendChild(li);
      });
    }

    var teamList = document.getElementById('centre-teams');
    if (teamList) {
      teamList.replaceChildren();
      if (!(s.teams || []).length) { teamList.appendChild(el('li', 'muted', root.dataset.none)); }
      (s.teams || []).forEach(function (t) {
        var li = el('li');
        li.dataset.teamId = t.id;
        li.dataset.status = t.status;
        li.appendChild(link('/resources/teams/' + t.id, t.name));
        li.appendChild(el('span', null, t.statusLabel));
        teamList.appendChild(li);
      });
    }

    var events = document.getElementById('centre-events');
    events.replaceChildren();
    if (!s.events.length) { events.appendChild(el('li', 'muted', root.dataset.none)); }
    layer.clearLayers();
    var bounds = [];
    s.events.forEach(function (e) {
      var li = el('li');
      li.appendChild(link('/incidents/' + e.id, e.number + ' ' + e.title));
      li.appendChild(el('span', 'badge', e.gradeLabel + (e.drill ? ' · ' + root.dataset.drill : '')));
      events.appendChild(li);
      var colour = COLOURS[e.grade] || '#7b8794';
      var marker = L.circleMarker([e.lat, e.lon], { radius: 9, color: '#1f2933', weight: 1, fillColor: colour, fillOpacity: 0.9 });
      var popup = el('div');
      popup.appendChild(link('/incidents/' + e.id, e.number + ' ' + e.title));
      popup.appendChild(el('div', null, e.gradeLabel + ' · ' + e.state));
      marker.bindPopup(popup);
      marker.addTo(layer);
      bounds.push([e.lat, e.lon]);
    });
    (s.teams || []).forEach(function (t) {
      var m = L.circleMarker([t.lat, t.lon], { radius: 6, color: '#0b5cad', weight: 2, fillColor: '#ffffff', fillOpacity: 1 });
      var popup = el('div');
      popup.appendChild(link('/resources/teams/' + t.id, t.name));
      popup.appendChild(el('div', null, t.statusLabel));
      m.bindPopup(popup);
      m.addTo(layer);
    });
    var mapEl = document.getElementById('centre-map');
    mapEl.dataset.loaded = 'true';
    mapEl.dataset.eventCount = String(s.events.length);
    // The view follows the jurisdiction's outline (see outlines()); only without one do the events decide it.
    if (!fitted && !outlined && bounds.length) { map.fitBounds(bounds, { maxZoom: 12, padding: [30, 30] }); fitted = true; }
  }

  function refresh() {
    window.yingji.fetchJson('/api/v1/centre/situation').then(render).catch(function () { /* next tick retries */ });
  }

  function outlines() {
    window.yingji.fetchJson('/api/v1/divisions.geojson?level=COUNTY&simplify=0.002').then(function (fc) {
      var g = L.geoJSON(fc, { style: { color: '#b71c1c', weight: 1.5, fillColor: '#eef2f6', fillOpacity: 0.4 }, interactive: false });
      g.addTo(map); g.bringToBack();
      try { map.fitBounds(g.getBounds()); outlined = true; fitted = true; } catch (e) { /* empty scope */ }
    }).catch(function () { /* the map works without outlines */ });
  }

  function live() {
    var badge = document.getElementById('centre-live');
    var source = new EventSource('/centre/stream');
    source.addEventListener('situation', function (m) {
      badge.dataset.live = 'true';
      badge.className = 'badge live';
      badge.textContent = 'LIVE';
      if (m.data !== 'heartbeat' && m.data !== 'hello') { refresh(); }
    });
    source.onerror = function () { badge.dataset.live = 'false'; badge.className = 'badge'; };
  }

  document.addEventListener('DOMContentLoaded', function () {
    root = document.getElementById('centre');
    map = L.map('centre-map', { preferCanvas: true }).setView([31.82, 117.23], 9);
    var tiles = root.dataset.tileUrl;
    if (tiles) { L.tileLayer(tiles).addTo(map); }
    layer = L.layerGroup().addTo(map);
    outlines();
    refresh();
    live();
    setInterval(refresh, 60000);
  });
})();
