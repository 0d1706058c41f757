// Map of divisions and grids drawn as vector layers (no basemap needed). Counties and townships load at once;
// grids load per township (chosen in the list, or the one under the centre when zoomed in), never all at once.
(function () {
  'use strict';
  var GRID_ZOOM = 13;

  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }

  function getJson(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/geo+json' } })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); });
  }

  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  ready(function () {
    var el = document.getElementById('map');
    if (!el || typeof L === 'undefined') { return; }
    var d = el.dataset;
    var status = document.getElementById('geo-status');
    var select = document.getElementById('geo-township');
    var map = L.map(el, { preferCanvas: true, zoomControl: true });
    var overlays = {};
    var baseLayers = {};
    if (d.tileUrl) {
      var tiles = L.tileLayer(d.tileUrl, { attribution: d.tileAttribution || '', maxZoom: 18, subdomains: '01234567' });
      tiles.addTo(map);
      baseLayers.basemap = tiles;
    }
    var levelNames = {
      CITY: d.levelCity, COUNTY: d.levelCounty, TOWNSHIP: d.levelTownship, VILLAGE: d.levelVillage
    };
    function popup(feature) {
      var p = feature.properties || {};
      var level = p.level ? (levelNames[p.level] || p.level) : d.labelGrid;
      return '<strong>' + esc(p.name) + '</strong><br>' + esc(d.labelCode) + ': ' + esc(p.code) +
        '<br>' + esc(d.labelLevel) + ': ' + esc(level);
    }
    function layer(style) {
      return L.geoJSON(null, {
        style: style,
        onEachFeature: function (f, l) { l.bindPopup(popup(f)); }
      });
    }
    var counties = layer({ color: '#b91c1c', weight: 2.5, fill: false });
    var townships = layer({ color: '#1d4ed8', weight: 1.5, fillOpacity: 0.04 });
    var grids = layer({ color: '#15803d', weight: 0.8, fillOpacity: 0.08 });
    overlays[d.labelCounties] = counties;
    overlays[d.labelTownships] = townships;
    overlays[d.labelGrids] = grids;
    townships.addTo(map);
    counties.addTo(map);
    grids.addTo(map);
    L.control.layers(baseLayers, overlays, { collapsed: window.innerWidth < 700 }).addTo(map);

    var divisionCount = 0;
    var gridCount = 0;
    var gridsFor = null;
    var townshipBounds = {};

    function setStatus(text) { if (status) { status.textContent = text; } }
    function mark() {
      el.setAttribute('data-division-count', String(divisionCount));
      el.setAttribute('data-grid-count', String(gridCount));
    }

    function fit(bounds) {
      if (bounds && bounds.isValid()) { map.fitBounds(bounds, { padding: [10, 10] }); }
    }

    function loadGrids(code) {
      if (gridsFor === code) { return Promise.resolve(); }
      gridsFor = code;
      el.setAttribute('data-grids-loaded', 'false');
      setStatus(d.labelLoading);
      var url = '/api/v1/grids.geojson?simplify=0.00002' + (code ? '&parent=' + encodeURIComponent(code) : '');
      return getJson(url).then(function (fc) {
        if (gridsFor !== code) { return; }
        grids.clearLayers();
        grids.addData(fc);
        gridCount = fc.features.length;
        mark();
        el.setAttribute('data-grids-loaded', 'true');
        setStatus(d.labelLoaded.replace('{0}', String(divisionCount)).replace('{1}', String(gridCount)));
      }).catch(function () { setStatus(d.labelFailed); });
    }

    select.addEventListener('change', function () {
      var code = select.value;
      if (!code) { grids.clearLayers(); gridsFor = null; gridCount = 0; mark(); return; }
      if (townshipBounds[code]) { fit(townshipBounds[code]); }
      loadGrids(code);
    });

    map.on('moveend', function () {
      if (map.getZoom() < GRID_ZOOM || select.value) { return; }
      var c = map.getCenter();
      Object.keys(townshipBounds).some(function (code) {
        if (townshipBounds[code].contains(c)) { loadGrids(code); return true; }
        return false;
      });
    });

    setStatus(d.labelLoading);
    Promise.all([
      getJson('/api/v1/divisions.geojson?level=COUNTY&simplify=0.0005'),
      getJson('/api/v1/divisions.geojson?level=TOWNSHIP&simplify=0.0002')
    ]).then(function (res) {
      counties.addData(res[0]);
      townships.addData(res[1]);
      divisionCount = res[0].features.length + res[1].features.length;
      townships.eachLayer(function (l) {
        var p = l.feature.properties;
        townshipBounds[p.code] = l.getBounds();
      });
      res[1].features
        .map(function (f) { return f.properties; })
        .sort(function (a, b) { return a.code < b.code ? -1 : 1; })
        .forEach(function (p) {
          var o = document.createElement('option');
          o.value = p.code;
          o.textContent = p.name + ' (' + p.code + ')';
          select.appendChild(o);
        });
      var extent = (d.extent || '').split(',').map(Number);
      var bounds = extent.length === 4 && !isNaN(extent[0])
        ? L.latLngBounds([extent[1], extent[0]], [extent[3], extent[2]])
        : null;
      if (!bounds || !bounds.isValid()) {
        bounds = L.latLngBounds([]);
        [counties, townships].forEach(function (g) { if (g.getLayers().length) { bounds.extend(g.getBounds()); } });
      }
      if (bounds.isValid()) { fit(bounds); } else { map.setView([31.82, 117.23], 9); }
      mark();
      el.setAttribute('data-loaded', 'true');
      setStatus(d.labelLoaded.replace('{0}', String(divisionCount)).replace('{1}', String(gridCount)) +
        ' ' + d.labelZoom);
      // Scopes at or below one township: show its grids straight away.
      if (res[1].features.length === 1) {
        select.value = res[1].features[0].properties.code;
        loadGrids(select.value);
      } else if (res[1].features.length === 0 && res[0].features.length === 0) {
        loadGrids(null);
      }
    }).catch(function () {
      mark();
      el.setAttribute('data-loaded', 'true');
      setStatus(d.labelFailed);
    });
  });
})();
