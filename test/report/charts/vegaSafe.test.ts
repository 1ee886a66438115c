/** Chart specs with names that are JavaScript built-ins: vega draws them, and the reports hold them. */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReplicationDigest } from '../../../src/experiment/Digest.js';
import { runExperiment, summarize } from '../../../src/experiment/runExperiment.js';
import { availabilitySpec } from '../../../src/report/charts/availabilitySpec.js';
import { collidesInVega, vegaSafe } from '../../../src/report/charts/vegaSafe.js';
import { clusterCost } from '../../../src/report/cost.js';
import { renderSvg } from '../../../src/report/renderSvg.js';
import { renderCompareFiles, renderReportFiles } from '../../../src/report/reportFiles.js';
import { scenarioFromRaw } from '../../../src/scenario/scenarioFromRaw.js';
import { arbNames, BASE_NAMES, BUILTIN_NAMES, rawScenario, renameDigests } from '../../experiment/renamedNames.js';
import { runs } from '../../runs.js';

const point = (group: string) => ({ group, signal: 'apiWrite', mean: 0.999, ci95: [0.998, 0.9995] as const });

describe('vegaSafe', () => {
  it('should flag exactly the names Object.prototype has', () => {
    for (const name of BUILTIN_NAMES.filter((n) => n !== 'prototype')) expect(collidesInVega(name), name).toBe(true);
    // prototype is a property of functions, not of Object.prototype: vega draws it as it is.
    for (const name of ['prototype', 'prod', 'global', 'Constructor', 'constructor ', '']) expect(collidesInVega(name), name).toBe(false);
  });

  it('should change colliding string values alike everywhere and leave keys, numbers and other strings alone', () => {
    const spec = { title: 'constructor', data: { values: [{ group: 'constructor', n: 1 }, { group: 'prod', n: 2 }] }, sort: ['toString', 'prod'], x: null, ok: true };
    const safe = vegaSafe(spec);
    expect(safe).toEqual({ title: 'constructor\u200b', data: { values: [{ group: 'constructor\u200b', n: 1 }, { group: 'prod', n: 2 }] }, sort: ['toString\u200b', 'prod'], x: null, ok: true });
    expect(spec.title).toBe('constructor');
  });

  it('should keep a key named __proto__ as a key', () => {
    const spec = JSON.parse('{"__proto__": {"a": "valueOf"}}') as object;
    expect(JSON.stringify(vegaSafe(spec))).toBe('{"__proto__":{"a":"valueOf\u200b"}}');
  });

  it('should let vega draw a chart whose groups are built-ins, which fails without it', async () => {
    const spec = availabilitySpec(BUILTIN_NAMES.map(point));
    await expect(renderSvg(spec)).rejects.toThrow(/Operator not defined/);
    const svg = await renderSvg(vegaSafe(spec));
    for (const name of BUILTIN_NAMES) expect(svg, name).toContain(name);
  });
});

describe('reports with any names', () => {
  let digests: readonly ReplicationDigest[];
  beforeAll(async () => {
    digests = (await runExperiment(scenarioFromRaw(rawScenario(BASE_NAMES), 'base.yaml'), { costModel: clusterCost, jobs: 1 })).digests;
  });

  it('should render every file of the report and of a comparison, with the names as the summary keys', async () => {
    // Rendering draws every chart with vega: a few dozen cases keep this to seconds.
    await fc.assert(
      fc.asyncProperty(arbNames, async (names) => {
        const scenario = scenarioFromRaw(rawScenario(names), 'renamed.yaml');
        const result = summarize(scenario, renameDigests(digests, BASE_NAMES, names), clusterCost);
        const files = await renderReportFiles({ scenario, summary: result.summary, rows: result.rows });
        expect(Object.keys(JSON.parse(files['summary.json']!).clusters)).toEqual(names.clusters);
        for (const [file, text] of Object.entries(files)) if (file.endsWith('.svg')) expect(text, file).toMatch(/^<svg[\s\S]*<\/svg>$/);
        const entries = [
          { label: names.scenario, scenario, summary: result.summary, rows: result.rows },
          { label: 'other', scenario, summary: result.summary },
        ];
        const compared = await renderCompareFiles({ kind: 'compare', title: 'Comparison', entries });
        expect(compared['index.html']).toContain('<html');
      }),
      { numRuns: runs(12) },
    );
  });
});
