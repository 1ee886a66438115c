/** The shell of a report page: styles, the inlined chart libraries and the script that draws each chart. */
import { chartLibraries } from '../assets.js';
import { escapeHtml, jsonForScript } from '../escape.js';
import { compileSpec } from '../renderSvg.js';
import type { Chart } from '../reportCharts.js';
import { PAGE_CSS } from './pageCss.js';

export interface PageParts {
  readonly title: string;
  /** Already-escaped HTML of the page's content. */
  readonly body: string;
  readonly charts: readonly Chart[];
}

/**
 * Draws every `[data-chart]` element with vegaEmbed and sets `data-rendered` to `true` (or to
 * `error`, with the message in the element) once it is drawn, so that a test can wait for it.
 */
const EMBED_SCRIPT = `(function () {
  var specs = JSON.parse(document.getElementById('kubesim-charts').textContent);
  var charts = document.querySelectorAll('[data-chart]');
  for (var i = 0; i < charts.length; i++) draw(charts[i]);
  function draw(el) {
    var spec = specs[el.getAttribute('data-chart')];
    if (typeof vegaEmbed !== 'function' || !spec) return fail(el, new Error('the chart library or the chart is missing'));
    vegaEmbed(el, spec, { actions: false, renderer: 'svg' }).then(function () {
      el.setAttribute('data-rendered', 'true');
    }, function (err) { fail(el, err); });
  }
  function fail(el, err) {
    el.setAttribute('data-rendered', 'error');
    el.textContent = 'This chart could not be drawn: ' + (err && err.message ? err.message : err);
    console.error(err);
  }
})();`;

export function htmlPage(parts: PageParts): string {
  const libs = chartLibraries();
  // Compiled here, the specs need only vega in the page, not vega-lite's 250 KB compiler.
  const specs: Record<string, unknown> = {};
  for (const c of parts.charts) specs[c.id] = compileSpec(c.spec);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="kubesim">
<title>${escapeHtml(parts.title)}</title>
<style>${PAGE_CSS}</style>
</head>
<body>
${parts.body}
<script id="kubesim-charts" type="application/json">${jsonForScript(specs)}</script>
<script>${libs.vega}</script>
<script>${libs.vegaEmbed}</script>
<script>${EMBED_SCRIPT}</script>
</body>
</html>
`;
}

/** A figure that the embed script fills with the chart `id`. */
export function chartFigure(chart: Chart): string {
  return `<figure class="chart"><div class="chart-body" id="chart-${escapeHtml(chart.id)}" data-chart="${escapeHtml(chart.id)}" role="img" aria-label="${escapeHtml(chart.title)}"></div></figure>`;
}
