// Statistics dashboard: ECharts over /api/v1/stats, filterable, drill down the division tree by clicking a bar.
(function () {
  'use strict';
  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }
  ready(function () {
    if (typeof echarts === 'undefined') { return; }
    var L = document.getElementById('stats-labels').dataset;
    var division = document.getElementById('stats-division');
    var from = document.getElementById('stats-from');
    var to = document.getElementById('stats-to');
    var type = document.getElementById('stats-type');
    var grade = document.getElementById('stats-grade');
    var status = document.getElementById('stats-status');
    var stack = [];
    var charts = {};
    ['years', 'divisions', 'types', 'months', 'hazards'].forEach(function (k) {
      charts[k] = echarts.init(document.getElementById('chart-' + k));
    });
    function q(extra) {
      var p = new URLSearchParams();
      if (division.value) { p.set('division', division.value); }
      if (from.value) { p.set('from', from.value); }
      if (to.value) { p.set('to', to.value); }
      if (type.value) { p.set('type', type.value); }
      if (grade.value) { p.set('grade', grade.value); }
      Object.keys(extra || {}).forEach(function (k) { p.set(k, extra[k]); });
      return p.toString();
    }
    function bars(chart, rows, label) {
      chart.setOption({
        tooltip: { trigger: 'axis' },
        legend: { data: [L.accidents, L.deaths] },
        grid: { left: 40, right: 20, bottom: 60, top: 30 },
        xAxis: { type: 'category', data: rows.map(label), axisLabel: { rotate: 30 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: L.accidents, type: 'bar', data: rows.map(function (r) { return r.events; }) },
          { name: L.deaths, type: 'line', data: rows.map(function (r) { return r.deaths; }) }
        ]
      }, true);
    }
    var divisionRows = [];
    function load() {
      status.textContent = '…';
      var f = window.yingji.fetchJson;
      var fy = from.value ? from.value.substring(0, 4) : '';
      Promise.all([
        f('/api/v1/stats/accidents/years?' + q({ from: String(Number(fy || new Date().getFullYear()) - 9), to: fy || '' })
          .replace(/&?(type|grade)=[^&]*/g, '')),
        f('/api/v1/stats/accidents?' + q({ by: 'division' })),
        f('/api/v1/stats/accidents?' + q({ by: 'type' })),
        f('/api/v1/stats/accidents?' + q({ by: 'month' })),
        f('/api/v1/stats/hazards?' + q({ by: 'division' }).replace(/&?(type|grade)=[^&]*/g, '')),
        f('/api/v1/stats/warnings?' + q().replace(/&?(type|grade)=[^&]*/g, ''))
      ]).then(function (r) {
        status.textContent = '';
        document.getElementById('stats-division-name').textContent = r[1].divisionName;
        var years = r[0].years;
        charts.years.setOption({
          tooltip: { trigger: 'axis' }, legend: { data: [L.accidents, L.deaths] },
          grid: { left: 40, right: 20, bottom: 30, top: 30 },
          xAxis: { type: 'category', data: years.map(function (y) { return y.year; }) },
          yAxis: { type: 'value', minInterval: 1 },
          series: [
            { name: L.accidents, type: 'bar', data: years.map(function (y) { return y.accidents; }) },
            { name: L.deaths, type: 'line', data: years.map(function (y) { return y.deaths; }) }
          ]
        }, true);
        divisionRows = r[1].slices;
        bars(charts.divisions, divisionRows, function (s) { return s.label; });
        charts.types.setOption({
          tooltip: { trigger: 'item' },
          series: [{ type: 'pie', radius: '65%', data: r[2].slices.map(function (s) {
            return { name: s.label, value: s.events };
          }) }]
        }, true);
        bars(charts.months, r[3].slices, function (s) { return s.key; });
        var hz = r[4].slices;
        charts.hazards.setOption({
          tooltip: { trigger: 'axis' }, legend: { data: [L.found, L.closed, L.overdue] },
          grid: { left: 40, right: 20, bottom: 60, top: 30 },
          xAxis: { type: 'category', data: hz.map(function (s) { return s.label; }), axisLabel: { rotate: 30 } },
          yAxis: { type: 'value', minInterval: 1 },
          series: [
            { name: L.found, type: 'bar', data: hz.map(function (s) { return s.found; }) },
            { name: L.closed, type: 'bar', data: hz.map(function (s) { return s.closed; }) },
            { name: L.overdue, type: 'bar', data: hz.map(function (s) { return s.overdue; }) }
          ]
        }, true);
        var w = r[5];
        var el = document.getElementById('stats-warnings');
        el.textContent = '';
        [[L.issued, w.issued], [L.campaigns, w.campaigns], [L.reach, w.reachRate == null ? '—' : w.reachRate + '%']]
          .forEach(function (kv) {
            var p = document.createElement('p');
            p.textContent = kv[0] + ': ' + kv[1];
            el.appendChild(p);
          });
        document.getElementById('chart-years').setAttribute('data-loaded', 'true');
      }).catch(function (e) { status.textContent = (e && e.message) || L.failed; });
    }
    charts.divisions.on('click', function (p) {
      var row = divisionRows[p.dataIndex];
      if (row && row.key !== division.value) {
        stack.push(division.value);
        division.value = row.key;
        load();
      }
    });
    document.getElementById('stats-up').addEventListener('click', function () {
      if (stack.length) { division.value = stack.pop(); load(); }
    });
    document.getElementById('stats-apply').addEventListener('click', load);
    window.addEventListener('resize', function () { Object.keys(charts).forEach(function (k) { charts[k].resize(); }); });
    load();
  });
})();
