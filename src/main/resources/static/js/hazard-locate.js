// Hazard forms: "use my location" buttons fill the lon/lat inputs from the device; on the public page a map
// (drawn only when a basemap tile URL is configured) lets the reporter click the place instead.
(function () {
  'use strict';
  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }
  function inputs(prefix) {
    var p = prefix ? prefix + '-' : '';
    return { lon: document.getElementById(p + 'lon'), lat: document.getElementById(p + 'lat') };
  }
  function fill(prefix, lon, lat) {
    var i = inputs(prefix);
    if (i.lon && i.lat) {
      i.lon.value = lon.toFixed(6);
      i.lat.value = lat.toFixed(6);
    }
  }
  ready(function () {
    document.querySelectorAll('button.locate').forEach(function (b) {
      if (!navigator.geolocation) { b.disabled = true; return; }
      b.addEventListener('click', function () {
        navigator.geolocation.getCurrentPosition(function (pos) {
          fill(b.dataset.target, pos.coords.longitude, pos.coords.latitude);
        }, function () { b.classList.add('failed'); }, { enableHighAccuracy: true, timeout: 15000 });
      });
    });
    var el = document.getElementById('pick-map');
    if (!el) { return; }
    if (!el.dataset.tileUrl || typeof L === 'undefined') { el.style.display = 'none'; return; }
    var map = L.map(el).setView([31.86, 117.28], 12);
    L.tileLayer(el.dataset.tileUrl, { maxZoom: 18, subdomains: '01234567' }).addTo(map);
    var marker = null;
    map.on('click', function (e) {
      fill('', e.latlng.lng, e.latlng.lat);
      if (marker) { marker.setLatLng(e.latlng); } else { marker = L.marker(e.latlng).addTo(map); }
    });
  });
})();
