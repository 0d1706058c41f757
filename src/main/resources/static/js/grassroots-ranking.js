// Standardisation ranking map: townships coloured by their score (the table beside it is the source).
(function () {
  'use strict';
  function colour(score) {
    if (score >= 90) { return '#1a7f37'; }
    if (score >= 75) { return '#7cb342'; }
    if (score >= 60) { return '#f1c40f'; }
    if (score > 0) { return '#e67e22'; }
    return '#d0d7de';
  }
  document.addEventListener('DOMContentLoaded', function () {
    var scores = {};
    document.querySelectorAll('#std-table tr[data-code]').forEach(function (tr) {
      scores[tr.dataset.code] = Number(tr.dataset.score);
    });
    var mapEl = document.getElementById('std-map');
    var map = L.map('std-map', { preferCanvas: true }).setView([31.82, 117.23], 9);
    window.yingji.fetchJson('/api/v1/divisions.geojson?level=TOWNSHIP&simplify=0.001').then(function (fc) {
      var layer = L.geoJSON(fc, {
        filter: function (f) { return scores.hasOwnProperty(f.properties.code); },
        style: function (f) {
          return { color: '#57606a', weight: 0.8, fillColor: colour(scores[f.properties.code]), fillOpacity: 0.75 };
        },
        onEachFeature: function (f, l) { l.bindTooltip(f.properties.name + ' ' + scores[f.properties.code]); }
      }).addTo(map);
      try { map.fitBounds(layer.getBounds()); } catch (e) { /* nothing drawn */ }
      mapEl.dataset.loaded = 'true';
    }).catch(function () { mapEl.dataset.loaded = 'error'; });
  });
})();
