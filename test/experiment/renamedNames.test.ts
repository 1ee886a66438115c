/** Property: renaming clusters, tenants, datacenters and workloads (built-ins included) changes no number of the summary. */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { runExperiment, summarize } from '../../src/experiment/runExperiment.js';
import type { ReplicationDigest } from '../../src/experiment/Digest.js';
import { clusterCost } from '../../src/report/cost.js';
import { scenarioFromRaw } from '../../src/scenario/scenarioFromRaw.js';
import { runs } from '../runs.js';
import { arbNames, BASE_NAMES, BUILTIN_NAMES, rawScenario, renameDigests, renameSummaryJson, type Names } from './renamedNames.js';

// Random streams are seeded by component names (common random numbers), so a renamed scenario
// draws other failures: the property runs the simulation once and renames what it left behind,
// then checks that the summary built for the new names is the old one with the names changed.
let digests: readonly ReplicationDigest[];
let baseJson: string;

beforeAll(async () => {
  const s = scenarioFromRaw(rawScenario(BASE_NAMES), 'base.yaml');
  const result = await runExperiment(s, { costModel: clusterCost, jobs: 1 });
  digests = result.digests;
  baseJson = JSON.stringify(result.summary);
});

function summaryJsonFor(names: Names): string {
  const s = scenarioFromRaw(rawScenario(names), 'renamed.yaml');
  return JSON.stringify(summarize(s, renameDigests(digests, BASE_NAMES, names), clusterCost).summary);
}

describe('renaming everything a user names', () => {
  it('should give the same summary with only the names changed, whatever the names', () => {
    fc.assert(
      fc.property(arbNames, (names) => {
        expect(summaryJsonFor(names)).toBe(renameSummaryJson(baseJson, BASE_NAMES, names));
      }),
      { numRuns: runs(100) },
    );
  });

  it('should keep every built-in name as a key of the summary, in order (a worked case)', () => {
    const names: Names = {
      scenario: 'constructor',
      clusters: ['__proto__', 'constructor'],
      tenants: ['toString', '__proto__'],
      datacenters: ['valueOf', 'hasOwnProperty', 'prototype'],
      workloads: ['__proto__', 'toString'],
    };
    expect(BUILTIN_NAMES).toEqual(expect.arrayContaining([...names.clusters]));
    const doc = JSON.parse(summaryJsonFor(names)) as { scenario: string; clusters: Record<string, { tenants?: object; signals: object }> };
    expect(doc.scenario).toBe('constructor');
    expect(Object.keys(doc.clusters)).toEqual(['__proto__', 'constructor']);
    const shared = Object.getOwnPropertyDescriptor(doc.clusters, 'constructor')!.value as { tenants: object; signals: object };
    expect(Object.keys(shared.tenants)).toEqual(['toString', '__proto__']);
    expect(Object.keys(shared.signals)).toEqual(expect.arrayContaining(['tenant:toString', 'tenant:__proto__']));
  });
});
