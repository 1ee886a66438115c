/** Managed providers: detection from labels and provider IDs, and failure rates whose availability is the SLA. */
import { describe, expect, it } from 'vitest';
import { detectProvider, MANAGED_MTTR_HOURS, mttfHoursFor, providerSla } from '../../../src/scenario/import/managedProviders.js';
import { placementDifferences, roundRobinCounts } from '../../../src/scenario/import/roundRobin.js';
import { lineAndColumn } from '../../../src/scenario/import/jsonText.js';

const node = (labels: Record<string, string>, providerID?: string) => ({ name: 'n', labels, ...(providerID ? { providerID } : {}) });

describe('detectProvider', () => {
  it('should prefer a node pool label to a provider ID, and know none without either', () => {
    expect(detectProvider([node({ 'cloud.google.com/gke-nodepool': 'p' }, 'gce://x')])).toEqual({ provider: 'gke', evidence: 'label cloud.google.com/gke-nodepool' });
    expect(detectProvider([node({}, 'azure:///subscriptions/s')])).toEqual({ provider: 'aks', evidence: 'spec.providerID azure://' });
    expect(detectProvider([node({}, 'aws:///us-east-1a/i-1')])?.provider).toBe('eks');
    expect(detectProvider([node({ 'kubernetes.io/hostname': 'n' }, 'openstack:///1')])).toBeUndefined();
  });
});

describe('mttfHoursFor', () => {
  // Each row: an SLA of the table in docs/import.md; the availability of mttf/(mttf+mttr) must be it.
  for (const [uptime, mttf] of [[0.9995, 1999], [0.999, 999], [0.995, 199]] as const) {
    it(`should give ${mttf} h for ${uptime * 100}% with a ${MANAGED_MTTR_HOURS} h repair`, () => {
      expect(mttfHoursFor(uptime)).toBe(mttf);
      expect(mttf / (mttf + MANAGED_MTTR_HOURS)).toBeCloseTo(uptime, 12);
    });
  }

  it('should cite a page for every provider\'s SLA', () => {
    for (const p of ['eks', 'gke', 'aks'] as const) for (const zones of [1, 3]) expect(providerSla(p, zones).source).toMatch(/^https:\/\//);
  });
});

describe('roundRobinCounts', () => {
  it('should deal hosts first datacenter first, as kubesim places them', () => {
    expect(roundRobinCounts(7, 3)).toEqual([3, 2, 2]);
    expect(roundRobinCounts(2, 3)).toEqual([1, 1, 0]);
    expect(roundRobinCounts(0, 2)).toEqual([0, 0]);
    expect(placementDifferences(['a', 'b', 'c'], [4, 2, 1], [3, 2, 2])).toBe('a 4 (simulated 3), c 1 (simulated 2)');
    expect(placementDifferences(['a'], [1], [1])).toBe('');
  });
});

describe('lineAndColumn', () => {
  it('should count lines and columns from 1', () => {
    expect(lineAndColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('ab', 9)).toEqual({ line: 1, column: 3 });
  });
});
