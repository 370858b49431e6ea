/*
 * Client script of report.html (inlined, runs offline): reads the embedded JSON and draws four uPlot charts:
 * latency p50/p95/p99 and requests/errors per second for the selected series (total or one endpoint), the
 * percentile curve of every series on HdrHistogram's log axis, and the share of requests per latency bucket.
 * Sets <body data-charts="ready"> when done, or data-charts="error" with the message shown on the page.
 */
/* global uPlot, document, devicePixelRatio */
(function () {
  'use strict';
  var COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#17becf'];
  var data = JSON.parse(document.getElementById('report-data').textContent);

  function width() {
    var main = document.querySelector('main');
    return Math.max(320, Math.min(1100, (main ? main.clientWidth : 900) - 8));
  }

  function pctLabel(x) {
    var q = (1 - 1 / x) * 100;
    if (q <= 0) return '0%';
    var decimals = Math.min(5, Math.max(0, Math.ceil(-Math.log10(100 - q) - 1e-9) + 1));
    var text = q.toFixed(decimals);
    if (text.indexOf('.') !== -1) text = text.replace(/0+$/, '').replace(/\.$/, '');
    return text + '%';
  }

  // Log axes get splits at 2..9 of each decade too; label only the decades (0%, 90%, 99%, ...).
  function isDecade(v) {
    var l = Math.log10(v);
    return Math.abs(l - Math.round(l)) < 1e-6;
  }

  function msLabel(v) {
    return v == null ? '—' : v >= 100 ? v.toFixed(0) + ' ms' : v >= 10 ? v.toFixed(1) + ' ms' : v.toFixed(2) + ' ms';
  }

  function entity(name) {
    for (var i = 0; i < data.entities.length; i++) if (data.entities[i].name === name) return data.entities[i];
    return data.entities[0];
  }

  function latencyData(en) {
    var t = en.timeline;
    return [t.t, t.p50, t.p95, t.p99];
  }

  function throughputData(en) {
    var t = en.timeline;
    return [t.t, t.requests, t.errors];
  }

  // Faults (--fault): a dashed line at the action, a band until recovery, the spec as label. Counts what it drew
  // in <body data-fault-markers>, so the rendering test can tell the markers are there.
  var faultMarkers = {
    hooks: {
      draw: [
        function (u) {
          var ctx = u.ctx;
          var top = u.bbox.top;
          var h = u.bbox.height;
          var drawn = 0;
          (data.faults || []).forEach(function (f) {
            var x0 = u.valToPos(f.atS, 'x', true);
            var x1 = u.valToPos(Math.max(f.untilS, f.atS), 'x', true);
            ctx.save();
            ctx.fillStyle = 'rgba(214,39,40,0.10)';
            ctx.fillRect(x0, top, Math.max(2, x1 - x0), h);
            ctx.strokeStyle = '#d62728';
            ctx.setLineDash([4, 3]);
            ctx.beginPath();
            ctx.moveTo(x0, top);
            ctx.lineTo(x0, top + h);
            ctx.stroke();
            ctx.fillStyle = '#d62728';
            ctx.font = Math.round(11 * devicePixelRatio) + 'px sans-serif';
            ctx.fillText(f.label, x0 + 4, top + 12 * devicePixelRatio);
            ctx.restore();
            drawn++;
          });
          document.body.setAttribute('data-fault-markers', String(drawn));
        },
      ],
    },
  };

  // Whole seconds only: the timeline has one point per second.
  var timeAxis = { label: 'seconds into the measured phase', incrs: [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600], values: function (u, splits) { return splits.map(function (v) { return v + ' s'; }); } };

  var latencyPlot = new uPlot(
    {
      title: 'Latency per second',
      width: width(),
      height: 260,
      scales: { x: { time: false } },
      series: [
        { label: 't (s)' },
        { label: 'p50', stroke: COLORS[2], width: 1.5, value: function (u, v) { return msLabel(v); } },
        { label: 'p95', stroke: COLORS[4], width: 1.5, value: function (u, v) { return msLabel(v); } },
        { label: 'p99', stroke: COLORS[1], width: 1.5, value: function (u, v) { return msLabel(v); } },
      ],
      axes: [timeAxis, { label: 'ms', size: 60 }],
      plugins: [faultMarkers],
    },
    latencyData(data.entities[0]),
    document.getElementById('chart-latency'),
  );

  var throughputPlot = new uPlot(
    {
      title: 'Throughput per second',
      width: width(),
      height: 220,
      scales: { x: { time: false } },
      series: [
        { label: 't (s)' },
        { label: 'requests/s', stroke: COLORS[0], width: 1.5, fill: 'rgba(31,119,180,0.08)' },
        { label: 'errors/s', stroke: COLORS[1], width: 1.5 },
      ],
      axes: [timeAxis, { label: 'per second', size: 60 }],
      plugins: [faultMarkers],
    },
    throughputData(data.entities[0]),
    document.getElementById('chart-throughput'),
  );

  var select = document.getElementById('entity-select');
  select.addEventListener('change', function () {
    var en = entity(select.value);
    latencyPlot.setData(latencyData(en));
    throughputPlot.setData(throughputData(en));
  });

  var seriesOf = function (valueLabel) {
    return [{ label: 'x' }].concat(
      data.entities.map(function (en, i) {
        return { label: en.name, stroke: COLORS[i % COLORS.length], width: en.name === 'total' ? 2.5 : 1.5, value: valueLabel };
      }),
    );
  };

  new uPlot(
    {
      title: 'Percentile distribution',
      width: width(),
      height: 300,
      scales: { x: { time: false, distr: 3, log: 10 } },
      series: seriesOf(function (u, v) { return msLabel(v); }).map(function (s, i) {
        return i === 0 ? { label: 'percentile', value: function (u, v) { return v == null ? '—' : pctLabel(v); } } : s;
      }),
      axes: [
        { label: 'percentile', values: function (u, splits) { return splits.map(function (v) { return isDecade(v) ? pctLabel(v) : ''; }); } },
        { label: 'ms', size: 60 },
      ],
    },
    [data.percentileX].concat(data.entities.map(function (en) { return en.curveMs; })),
    document.getElementById('chart-percentiles'),
  );

  var stepped = uPlot.paths.stepped({ align: 1 });
  new uPlot(
    {
      title: 'Share of requests per latency bucket',
      width: width(),
      height: 260,
      scales: { x: { time: false, distr: 3, log: 10 } },
      series: seriesOf(function (u, v) { return v == null ? '—' : (v * 100).toFixed(2) + '%'; }).map(function (s, i) {
        if (i === 0) return { label: 'from', value: function (u, v) { return msLabel(v); } };
        s.paths = stepped;
        return s;
      }),
      axes: [
        { label: 'latency (ms, log scale)' },
        { label: 'share of requests', size: 60, values: function (u, splits) { return splits.map(function (v) { return (v * 100).toFixed(0) + '%'; }); } },
      ],
    },
    [data.bucketLowerMs].concat(data.entities.map(function (en) { return en.bucketShare; })),
    document.getElementById('chart-buckets'),
  );

  document.body.setAttribute('data-charts', 'ready');
})();
