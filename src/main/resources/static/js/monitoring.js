// Monitoring: the duty officer's live board (sensors coloured by state and current warnings on a Leaflet map, new
// alarms pushed by server-sent events into the table) and a sensor's history chart (ECharts).
(function () {
  'use strict';
  var COLOURS = { RED: '#d32f2f', ORANGE: '#f57c00', YELLOW: '#fbc02d', BLUE: '#1976d2', NORMAL: '#388e3c', OFFLINE: '#757575' };

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

  function board() {
    var el = document.getElementById('mon-map');
    var rows = document.getElementById('alarm-rows');
    var live = document.getElementById('mon-live');
    if (el && typeof L !== 'undefined') {
      var map = L.map(el, { preferCanvas: true });
      if (el.dataset.tileUrl) { L.tileLayer(el.dataset.tileUrl, { maxZoom: 18 }).addTo(map); }
      map.setView([31.86, 117.28], 11);
      // the counties as a light base layer, so sensors and warning areas can be placed without a tile server
      getJson('/api/v1/divisions.geojson?level=COUNTY&simplify=0.002').then(function (fc) {
        L.geoJSON(fc, {
          style: { color: '#78909c', weight: 1, fillOpacity: 0.04 },
          onEachFeature: function (f, layer) { layer.bindTooltip(esc(f.properties.name)); }
        }).addTo(map).bringToBack();
      }).catch(function () {});
      var sensorLayer = L.layerGroup().addTo(map);
      var warnLayer = L.geoJSON(null).addTo(map);
      var load = function () {
        getJson('/monitoring/map-data').then(function (d) {
          sensorLayer.clearLayers();
          var bounds = [];
          d.sensors.forEach(function (s) {
            var c = COLOURS[s.state] || COLOURS.NORMAL;
            L.circleMarker([s.lat, s.lon], { radius: 7, color: '#333', weight: 1, fillColor: c, fillOpacity: 0.9 })
              .bindPopup('<strong>' + esc(s.name) + '</strong><br>' + esc(s.code) + ': ' + esc(s.value) + ' ' + esc(s.unit))
              .addTo(sensorLayer);
            bounds.push([s.lat, s.lon]);
          });
          warnLayer.clearLayers();
          var codes = {};
          var queries = {};
          d.warnings.forEach(function (w) {
            if (w.polygon) {
              var ll = w.polygon.trim().split(/\s+/).map(function (p) { var a = p.split(','); return [+a[0], +a[1]]; });
              L.polygon(ll, { color: COLOURS[w.level], weight: 2, fillOpacity: 0.2 }).bindPopup(esc(w.title)).addTo(warnLayer);
            }
            // one outline request per division level the warnings name; villages only below their township
            (w.areas || []).forEach(function (a) {
              codes[a.code] = w;
              var q = 'level=' + encodeURIComponent(a.level) +
                (a.level === 'VILLAGE' && a.parent ? '&parent=' + encodeURIComponent(a.parent) : '');
              queries[q] = true;
            });
          });
          Object.keys(queries).forEach(function (q) {
            getJson('/api/v1/divisions.geojson?' + q + '&simplify=0.001').then(function (fc) {
              fc.features.forEach(function (f) {
                var w = codes[f.properties.code];
                if (w) {
                  L.geoJSON(f, { style: { color: COLOURS[w.level], weight: 2, fillOpacity: 0.25 } })
                    .bindPopup(esc(w.title)).addTo(warnLayer);
                }
              });
            }).catch(function () {});
          });
          if (bounds.length) { map.fitBounds(bounds, { padding: [20, 20], maxZoom: 13 }); }
        }).catch(function () {});
      };
      load();
      setInterval(load, 30000);
    }
    if (rows && window.EventSource) {
      var es = new EventSource('/monitoring/alarms/stream');
      es.addEventListener('hello', function () { if (live) { live.textContent = '●'; live.dataset.connected = 'true'; } });
      es.addEventListener('alarm', function (ev) {
        var a = JSON.parse(ev.data);
        var tr = document.createElement('tr');
        tr.setAttribute('data-alarm-id', a.id);
        tr.className = 'new-alarm';
        tr.innerHTML = '<td>' + esc(new Date(a.at).toLocaleString()) + '</td><td>' + esc(a.sensor) + '</td><td>' +
          esc(a.kind) + '</td><td>' + (a.level ? '<span class="badge ' + esc(a.level.toLowerCase()) + '">' + esc(a.level) + '</span>' : '') +
          '</td><td>' + esc(a.value) + '</td><td><a href="/monitoring/alarms/' + encodeURIComponent(a.id) + '">' +
          esc(rows.dataset.labelOpen || '研判') + '</a></td>';
        rows.insertBefore(tr, rows.firstChild);
      });
      es.onerror = function () { if (live) { live.textContent = '○'; } };
    }
  }

  function chart() {
    var el = document.getElementById('sensor-chart');
    if (!el || typeof echarts === 'undefined') { return; }
    var c = echarts.init(el);
    var d = el.dataset;
    getJson(d.url).then(function (rows) {
      var lines = [];
      [['blue', '#1976d2'], ['yellow', '#fbc02d'], ['orange', '#f57c00'], ['red', '#d32f2f']].forEach(function (l) {
        if (d[l[0]] !== undefined && d[l[0]] !== '') { lines.push({ yAxis: +d[l[0]], lineStyle: { color: l[1] } }); }
      });
      c.setOption({
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'time' },
        yAxis: { type: 'value', name: d.unit || '' },
        series: [{ type: 'line', showSymbol: false, data: rows.map(function (r) { return [r.at, r.value]; }),
          markLine: { symbol: 'none', data: lines } }]
      });
    });
    window.addEventListener('resize', function () { c.resize(); });
  }

  ready(function () { board(); chart(); });
})();
