// Duty-desk intake: pick the location on a Leaflet map (no basemap needed) or type lon/lat; both stay in sync.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var el = document.getElementById('incident-map');
    var lon = document.getElementById('lon');
    var lat = document.getElementById('lat');
    if (!el || !lon || !lat || typeof L === 'undefined') { return; }
    var start = lat.value && lon.value ? [parseFloat(lat.value), parseFloat(lon.value)] : [31.82, 117.23];
    var map = L.map(el).setView(start, lat.value ? 13 : 9);
    var tiles = document.querySelector('meta[name="tile-url"]');
    if (tiles && tiles.content) { L.tileLayer(tiles.content, { maxZoom: 18 }).addTo(map); }
    // Division outlines as a vector layer, so the map is useful without a basemap.
    fetch('/api/v1/divisions.geojson?level=COUNTY&simplify=0.001', { credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (g) {
        if (g) {
          var layer = L.geoJSON(g, { style: { color: '#0b5cad', weight: 1, fillOpacity: 0.04 } }).addTo(map);
          if (!lat.value && layer.getBounds().isValid()) { map.fitBounds(layer.getBounds()); }
        }
      })
      .catch(function () { /* the outline layer is optional */ });
    var marker = null;
    function place(latlng) {
      if (marker) { marker.setLatLng(latlng); } else { marker = L.circleMarker(latlng, { radius: 8, color: '#c0392b' }).addTo(map); }
    }
    if (lat.value && lon.value) { place(start); }
    map.on('click', function (e) {
      lon.value = e.latlng.lng.toFixed(6);
      lat.value = e.latlng.lat.toFixed(6);
      place(e.latlng);
    });
    function typed() {
      var a = parseFloat(lat.value), o = parseFloat(lon.value);
      if (isFinite(a) && isFinite(o)) { place([a, o]); map.panTo([a, o]); }
    }
    lon.addEventListener('change', typed);
    lat.addEventListener('change', typed);
  });
})();
