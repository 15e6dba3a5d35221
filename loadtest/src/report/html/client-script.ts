// Runs in the page after Chart.js and the annotation plugin: reads the embedded JSON and
// turns each chart's data into a Chart.js chart, adding what JSON cannot carry (functions and
// canvas patterns). Plain ES2017 for any browser a classroom has; no template literals so it
// can live in this TypeScript string unchanged.
import { CANVAS_PATTERN_SOURCE } from './canvas-pattern.js';

export const CLIENT_SCRIPT = String.raw`(function () {
  'use strict';
  var payload = JSON.parse(document.getElementById('report-data').textContent);
  var NNBSP = '\u202f';
  var FONT = 18;
  Chart.defaults.font.family = '"Liberation Sans", "DejaVu Sans", Arial, Helvetica, sans-serif';
  Chart.defaults.font.size = FONT;
  Chart.defaults.color = '#111111';
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.plugins.legend.labels.usePointStyle = true;
  Chart.defaults.plugins.legend.labels.padding = 18;

  function trim(v) { return String(Math.round(v * 10) / 10); }
  function group(v) { return String(Math.round(v)).replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP); }
  var FORMATS = {
    ms: function (v) { return v >= 1000 ? trim(v / 1000) + NNBSP + 's' : trim(v) + NNBSP + 'ms'; },
    seconds: function (v) { return trim(v) + NNBSP + 's'; },
    percent: function (v) { return trim(v) + NNBSP + '%'; },
    count: group
  };

  function tickCallback(axis) {
    var format = FORMATS[axis.format];
    return function (value) {
      var v = Number(value);
      // Log axes tick at 2, 3, 5...: only the powers of ten get a label.
      if (axis.type === 'logarithmic') {
        var exponent = Math.log10(v);
        if (Math.abs(exponent - Math.round(exponent)) > 1e-6) return '';
      }
      return format(v);
    };
  }

  ${CANVAS_PATTERN_SOURCE}

  function chip(ctx, text, x, y) {
    var width = ctx.measureText(text).width + 12;
    var height = FONT + 8;
    ctx.fillStyle = 'rgba(255, 255, 255, 0.92)';
    ctx.fillRect(x - width / 2, y - height / 2, width, height);
    ctx.fillStyle = '#111111';
    ctx.fillText(text, x, y);
  }

  // Numbers written on the bars: the chart reads without colours, tooltips or a mouse.
  var valueLabels = {
    id: 'valueLabels',
    afterDatasetsDraw: function (chart, args, options) {
      if (!options || !options.mode) return;
      var ctx = chart.ctx;
      ctx.save();
      ctx.font = 'bold ' + FONT + 'px ' + Chart.defaults.font.family;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      chart.data.datasets.forEach(function (dataset, i) {
        var meta = chart.getDatasetMeta(i);
        if (!dataset.valueLabels || meta.hidden) return;
        meta.data.forEach(function (bar, j) {
          var text = dataset.valueLabels[j];
          if (!text) return;
          var p = bar.getProps(['x', 'y', 'base'], true);
          if (options.mode === 'inside') {
            if (ctx.measureText(text).width + 16 > Math.abs(p.x - p.base)) return;
            chip(ctx, text, (p.x + p.base) / 2, p.y);
          } else if (p.y === p.y) {
            chip(ctx, text, p.x, p.y - FONT);
          }
        });
      });
      ctx.restore();
    }
  };

  function tooltipLabel(item) {
    var dataset = item.dataset;
    var labels = dataset.tooltipLabels || dataset.valueLabels;
    if (labels && labels[item.dataIndex]) return dataset.label + ': ' + labels[item.dataIndex];
    return dataset.label + ': ' + item.formattedValue;
  }

  function hydrate(config) {
    var scales = config.options.scales;
    Object.keys(scales).forEach(function (key) {
      var axis = scales[key];
      if (axis.format) axis.ticks = { callback: tickCallback(axis), autoSkip: true };
    });
    config.data.datasets.forEach(function (dataset) {
      if (dataset.pattern) dataset.backgroundColor = pattern(dataset.backgroundColor, dataset.pattern);
    });
    config.options.plugins.tooltip = { callbacks: { label: tooltipLabel } };
    config.plugins = [valueLabels];
    return config;
  }

  payload.charts.forEach(function (chart) {
    var canvas = document.getElementById(chart.id);
    if (canvas) new Chart(canvas, hydrate(chart.config));
  });
})();
`;
