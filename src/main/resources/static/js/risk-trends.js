// Risk trend: visible points by colour at the end of each period, from the assessment history (ECharts).
(function () {
  'use strict';
  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }
  ready(function () {
    var el = document.getElementById('risk-trend');
    if (!el || typeof echarts === 'undefined') { return; }
    var d = el.dataset;
    var chart = echarts.init(el);
    var bucket = document.getElementById('trend-bucket');
    var periods = document.getElementById('trend-periods');
    var division = document.getElementById('trend-division');
    var status = document.getElementById('trend-status');
    var series = [
      { key: 'red', name: d.labelRed, color: '#d32f2f' },
      { key: 'orange', name: d.labelOrange, color: '#f57c00' },
      { key: 'yellow', name: d.labelYellow, color: '#fbc02d' },
      { key: 'blue', name: d.labelBlue, color: '#1976d2' }
    ];
    function load() {
      var url = '/api/v1/risk/trend?bucket=' + encodeURIComponent(bucket.value) +
        '&periods=' + encodeURIComponent(periods.value || '12') +
        (division.value ? '&division=' + encodeURIComponent(division.value) : '');
      window.yingji.fetchJson(url).then(function (rows) {
        status.textContent = '';
        chart.setOption({
          tooltip: { trigger: 'axis' },
          legend: { data: series.map(function (s) { return s.name; }) },
          grid: { left: 40, right: 20, bottom: 30, top: 40 },
          xAxis: { type: 'category', data: rows.map(function (r) { return r.period; }) },
          yAxis: { type: 'value', minInterval: 1 },
          series: series.map(function (s) {
            return { name: s.name, type: 'bar', stack: 'risk', itemStyle: { color: s.color },
              data: rows.map(function (r) { return r[s.key]; }) };
          })
        }, true);
        el.setAttribute('data-loaded', 'true');
      }).catch(function (e) { status.textContent = (e && e.message) || d.labelFailed; });
    }
    [bucket, periods, division].forEach(function (x) { x.addEventListener('change', load); });
    window.addEventListener('resize', function () { chart.resize(); });
    load();
  });
})();
