// Rescue-force map: teams coloured by live status, shelters with occupancy, warehouses. Vector layers only; a basemap
// is drawn when a tile URL is configured. The team list is mirrored into #team-status-list for tests and screen readers.
(function () {
  'use strict';
  var COLOURS = { STANDBY: '#1976d2', DISPATCHED: '#f57c00', ON_SCENE: '#d32f2f', RETURNING: '#7b1fa2', UNAVAILABLE: '#757575' };

  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }
  function getJson(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); });
  }
  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function label(d, status) {
    var key = 'label' + status.toLowerCase().replace(/_(.)/g, function (m, c) { return c.toUpperCase(); })
      .replace(/^./, function (c) { return c.toUpperCase(); });
    return d[key] || status;
  }

  ready(function () {
    var el = document.getElementById('resource-map');
    if (!el || typeof L === 'undefined') { return; }
    var d = el.dataset;
    var statusEl = document.getElementById('resource-map-status');
    var list = document.getElementById('team-status-list');
    var map = L.map(el, { preferCanvas: true }).setView([31.86, 117.28], 10);
    if (d.tileUrl) {
      L.tileLayer(d.tileUrl, { attribution: d.tileAttribution || '', maxZoom: 18, subdomains: '01234567' }).addTo(map);
    }
    var outlines = L.geoJSON(null, {
      style: function () { return { color: '#607d8b', weight: 1, fillOpacity: 0.03 }; },
      onEachFeature: function (f, l) { l.bindTooltip(esc(f.properties.name)); }
    }).addTo(map);
    fetch('/api/v1/divisions.geojson?level=COUNTY&simplify=0.0005',
      { credentials: 'same-origin', headers: { Accept: 'application/geo+json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (fc) { if (fc) { outlines.addData(fc); outlines.bringToBack(); } })
      .catch(function () { /* outlines are decoration only */ });
    var teams = L.layerGroup().addTo(map);
    var shelters = L.layerGroup().addTo(map);
    var warehouses = L.layerGroup().addTo(map);
    var bases = L.layerGroup().addTo(map);
    var landing = L.layerGroup().addTo(map);
    var bounds = [];

    function drawTeams(fc) {
      teams.clearLayers();
      list.innerHTML = '';
      fc.features.forEach(function (f) {
        var p = f.properties;
        var ll = [f.geometry.coordinates[1], f.geometry.coordinates[0]];
        bounds.push(ll);
        L.circleMarker(ll, { radius: 7, color: '#222', weight: 1, fillColor: COLOURS[p.status] || '#999', fillOpacity: 0.9 })
          .bindPopup('<a href="/resources/teams/' + esc(p.id) + '"><strong>' + esc(p.name) + '</strong></a><br>' +
            esc(label(d, p.status)) + ' · ' + esc(p.headcount))
          .addTo(teams);
        var li = document.createElement('li');
        li.dataset.teamId = p.id;
        li.dataset.status = p.status;
        li.textContent = p.name + ': ' + label(d, p.status);
        list.appendChild(li);
      });
      el.dataset.teamCount = String(fc.features.length);
    }
    function drawRows(layer, rows, colour, text) {
      layer.clearLayers();
      rows.forEach(function (r) {
        if (r.lon == null || r.lat == null) { return; }
        L.circleMarker([r.lat, r.lon], { radius: 6, color: colour, weight: 2, fillColor: '#fff', fillOpacity: 0.9 })
          .bindPopup(text(r)).addTo(layer);
        bounds.push([r.lat, r.lon]);
      });
    }
    Promise.all([
      getJson('/api/v1/resources/teams/map'),
      getJson('/api/v1/resources/shelters?size=500'),
      getJson('/api/v1/resources/warehouses?size=500'),
      getJson('/api/v1/resources/bases?size=500'),
      getJson('/api/v1/resources/landing-points?size=500')
    ]).then(function (res) {
      drawRows(bases, res[3].items, '#c62828', function (r) {
        return '<a href="/resources/bases/' + esc(r.id) + '"><strong>' + esc(r.values.name) + '</strong></a>';
      });
      drawRows(landing, res[4].items, '#00838f', function (r) {
        return '<a href="/resources/landing-points/' + esc(r.id) + '"><strong>' + esc(r.values.name) + '</strong></a>';
      });
      drawTeams(res[0]);
      drawRows(shelters, res[1].items, '#2e7d32', function (r) {
        return '<a href="/resources/shelters/' + esc(r.id) + '"><strong>' + esc(r.values.name) + '</strong></a><br>' +
          esc(d.labelOccupancy) + ': ' + esc(r.occupancy) + ' / ' + esc(r.values.capacity);
      });
      drawRows(warehouses, res[2].items, '#6d4c41', function (r) {
        return '<a href="/resources/warehouses/' + esc(r.id) + '"><strong>' + esc(r.values.name) + '</strong></a>';
      });
      if (bounds.length) { map.fitBounds(bounds, { padding: [20, 20], maxZoom: 13 }); }
      el.dataset.loaded = 'true';
      if (statusEl) { statusEl.textContent = d.labelLoaded || ''; }
    }).catch(function () {
      if (statusEl) { statusEl.textContent = d.labelFailed || ''; }
      el.dataset.loaded = 'error';
    });
    document.getElementById('layer-shelters').addEventListener('change', function (e) {
      if (e.target.checked) { shelters.addTo(map); } else { map.removeLayer(shelters); }
    });
    [['layer-bases', bases], ['layer-landing', landing]].forEach(function (x) {
      document.getElementById(x[0]).addEventListener('change', function (e) {
        if (e.target.checked) { x[1].addTo(map); } else { map.removeLayer(x[1]); }
      });
    });
    document.getElementById('layer-warehouses').addEventListener('change', function (e) {
      if (e.target.checked) { warehouses.addTo(map); } else { map.removeLayer(warehouses); }
    });
  });
}());
