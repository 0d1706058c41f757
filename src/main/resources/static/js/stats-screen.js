// Big screen (大屏): the same statistics API, dark theme, refreshed every minute; click a district to drill down.
(function () {
  'use strict';
  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }
  ready(function () {
    if (typeof echarts === 'undefined') { return; }
    var root = document.getElementById('stats-screen');
    var L = document.getElementById('stats-labels').dataset;
    var division = root.dataset.division;
    var year = Number(root.dataset.year);
    var c = {};
    ['years', 'divisions', 'months', 'hazards', 'warnings'].forEach(function (k) {
      c[k] = echarts.init(document.getElementById('screen-' + k), 'dark', { renderer: 'canvas' });
    });
    var divRows = [];
    var text = { color: '#d8e6ff' };
    function axis(names) {
      return { type: 'category', data: names, axisLabel: { color: '#d8e6ff', rotate: names.length > 6 ? 30 : 0 } };
    }
    function load() {
      var f = window.yingji.fetchJson;
      var d = 'division=' + encodeURIComponent(division);
      var period = '&from=' + year + '-01-01&to=' + year + '-12-31';
      Promise.all([
        f('/api/v1/stats/accidents/years?' + d + '&from=' + (year - 9) + '&to=' + year),
        f('/api/v1/stats/accidents?by=division&' + d + period),
        f('/api/v1/stats/accidents?by=month&' + d + period),
        f('/api/v1/stats/hazards?by=division&' + d + period),
        f('/api/v1/stats/warnings?' + d + period)
      ]).then(function (r) {
        var y = r[0].years;
        c.years.setOption({ backgroundColor: 'transparent', tooltip: { trigger: 'axis' }, legend: { textStyle: text },
          xAxis: axis(y.map(function (x) { return x.year; })), yAxis: { type: 'value', minInterval: 1 },
          series: [{ name: L.accidents, type: 'bar', data: y.map(function (x) { return x.accidents; }) },
            { name: L.deaths, type: 'line', data: y.map(function (x) { return x.deaths; }) }] }, true);
        divRows = r[1].slices;
        c.divisions.setOption({ backgroundColor: 'transparent', tooltip: { trigger: 'axis' },
          xAxis: axis(divRows.map(function (s) { return s.label; })), yAxis: { type: 'value', minInterval: 1 },
          series: [{ name: L.accidents, type: 'bar', data: divRows.map(function (s) { return s.events; }) }] }, true);
        c.months.setOption({ backgroundColor: 'transparent', tooltip: { trigger: 'axis' },
          xAxis: axis(r[2].slices.map(function (s) { return s.key; })), yAxis: { type: 'value', minInterval: 1 },
          series: [{ name: L.accidents, type: 'line', areaStyle: {}, data: r[2].slices.map(function (s) { return s.events; }) }] }, true);
        var h = r[3].totals;
        c.hazards.setOption({ backgroundColor: 'transparent', tooltip: { trigger: 'item' },
          series: [{ type: 'pie', radius: ['40%', '70%'], data: [
            { name: L.found, value: h.found }, { name: L.closed, value: h.closed }, { name: L.overdue, value: h.overdue }] }] }, true);
        var w = r[4];
        c.warnings.setOption({ backgroundColor: 'transparent', tooltip: { trigger: 'axis' },
          xAxis: axis(Object.keys(w.issuedByLevel)), yAxis: { type: 'value', minInterval: 1 },
          series: [{ name: L.issued, type: 'bar', data: Object.keys(w.issuedByLevel).map(function (k) {
            return { value: w.issuedByLevel[k], itemStyle: { color: { BLUE: '#1976d2', YELLOW: '#fbc02d', ORANGE: '#f57c00', RED: '#d32f2f' }[k] } };
          }) }],
          title: { text: L.reach + ': ' + (w.reachRate == null ? '—' : w.reachRate + '%'), textStyle: text, right: 10 } }, true);
        root.setAttribute('data-loaded', 'true');
      }).catch(function () { /* keep the last figures on the wall */ });
    }
    c.divisions.on('click', function (p) {
      var row = divRows[p.dataIndex];
      if (row && row.key !== division) { division = row.key; load(); }
    });
    function tick() { document.getElementById('screen-clock').textContent = new Date().toLocaleString(); }
    setInterval(tick, 1000);
    tick();
    setInterval(load, 60000);
    window.addEventListener('resize', function () { Object.keys(c).forEach(function (k) { c[k].resize(); }); });
    load();
  });
})();
