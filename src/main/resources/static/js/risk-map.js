// Four-colour risk map: divisions (or the grids of one township) coloured by their most severe risk point, or
// shaded by the number of points. Vector layers only; a basemap is drawn when a tile URL is configured.
(function () {
  'use strict';
  var COLOURS = { RED: '#d32f2f', ORANGE: '#f57c00', YELLOW: '#fbc02d', BLUE: '#1976d2' };

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

  ready(function () {
    var el = document.getElementById('risk-map');
    if (!el || typeof L === 'undefined') { return; }
    var d = el.dataset;
    var levelSel = document.getElementById('risk-level');
    var townSel = document.getElementById('risk-township');
    var modeSel = document.getElementById('risk-mode');
    var status = document.getElementById('risk-map-status');
    var map = L.map(el, { preferCanvas: true });
    if (d.tileUrl) {
      L.tileLayer(d.tileUrl, { attribution: d.tileAttribution || '', maxZoom: 18, subdomains: '01234567' }).addTo(map);
    }
    var layer = L.geoJSON(null).addTo(map);
    var cells = {};
    var maxTotal = 1;
    var fitted = false;

    function setStatus(t) { if (status) { status.textContent = t; } }
    function total(c) { return c ? c.red + c.orange + c.yellow + c.blue + c.unassessed : 0; }
    function style(f) {
      var c = cells[f.properties.code];
      if (modeSel.value === 'counts') {
        var t = total(c);
        return { color: '#555', weight: 1, fillColor: '#d32f2f', fillOpacity: t ? 0.1 + 0.7 * t / maxTotal : 0.02 };
      }
      var colour = c && c.highest ? COLOURS[c.highest] : '#9e9e9e';
      return { color: '#555', weight: 1, fillColor: colour, fillOpacity: c && c.highest ? 0.65 : 0.05 };
    }
    function popup(f) {
      var c = cells[f.properties.code] || { red: 0, orange: 0, yellow: 0, blue: 0, unassessed: 0 };
      return '<strong>' + esc(f.properties.name) + '</strong> (' + esc(f.properties.code) + ')<br>' +
        esc(d.labelRed) + ': ' + c.red + '<br>' + esc(d.labelOrange) + ': ' + c.orange + '<br>' +
        esc(d.labelYellow) + ': ' + c.yellow + '<br>' + esc(d.labelBlue) + ': ' + c.blue + '<br>' +
        esc(d.labelUnassessed) + ': ' + c.unassessed;
    }
    function draw(fc) {
      layer.clearLayers();
      layer.options.style = style;
      layer.options.onEachFeature = function (f, l) { l.bindPopup(popup(f)); };
      layer.addData(fc);
      if (layer.getLayers().length && (!fitted || levelSel.value === 'GRID')) {
        map.fitBounds(layer.getBounds(), { padding: [10, 10] });
        fitted = true;
      } else if (!layer.getLayers().length && !fitted) {
        map.setView([31.82, 117.23], 9);
      }
      var n = 0;
      Object.keys(cells).forEach(function (k) { n += total(cells[k]); });
      el.setAttribute('data-cells', String(Object.keys(cells).length));
      el.setAttribute('data-loaded', 'true');
      setStatus(d.labelLoaded + ' ' + n + ' ' + d.labelPoints);
    }
    function load() {
      var level = levelSel.value;
      townSel.hidden = level !== 'GRID';
      if (level === 'GRID' && !townSel.value) { layer.clearLayers(); setStatus(''); return; }
      setStatus(d.labelLoading);
      el.setAttribute('data-loaded', 'false');
      var geo = level === 'GRID'
        ? '/api/v1/grids.geojson?simplify=0.00002&parent=' + encodeURIComponent(townSel.value)
        : '/api/v1/divisions.geojson?level=' + level + '&simplify=' + (level === 'COUNTY' ? '0.0005' : '0.0002');
      Promise.all([getJson(geo), getJson('/api/v1/risk/map?level=' + level)]).then(function (res) {
        cells = {};
        maxTotal = 1;
        res[1].forEach(function (c) { cells[c.code] = c; maxTotal = Math.max(maxTotal, total(c)); });
        draw(res[0]);
      }).catch(function () { el.setAttribute('data-loaded', 'true'); setStatus(d.labelFailed); });
    }
    getJson('/api/v1/divisions.geojson?level=TOWNSHIP&simplify=0.01').then(function (fc) {
      fc.features.map(function (f) { return f.properties; })
        .sort(function (a, b) { return a.code < b.code ? -1 : 1; })
        .forEach(function (p) {
          var o = document.createElement('option');
          o.value = p.code;
          o.textContent = p.name + ' (' + p.code + ')';
          townSel.appendChild(o);
        });
    }).catch(function () { /* grid level stays unavailable */ });
    levelSel.addEventListener('change', load);
    townSel.addEventListener('change', load);
    modeSel.addEventListener('change', function () { layer.setStyle(style); });
    load();
  });
})();
