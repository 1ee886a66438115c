/**
 * The classic trade-off, through the sweep's own machinery (a scenario file, --set etcd.members,
 * the grid, the model): at fixed workers, more members never tolerate fewer failures and never
 * write faster, whatever the round trips, fsync and datacenters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSweepPoints } from '../../../src/cli/sweep/sweepPoints.js';
import { etcdPerformanceOf, writeP99Ms } from '../../../src/model/latency/index.js';
import { runs } from '../../runs.js';

const SIZES = [1, 3, 5, 7, 9];

function scenarioText(o: { dcs: number; workers: number; topology: string; rttIntraDc: number; rttInterDc: number; fsync: number }): string {
  const dcs = Array.from({ length: o.dcs }, (_, i) => `dc-${i + 1}`);
  return `apiVersion: kubesim/v1
kind: Scenario
metadata: { name: tradeoff }
spec:
  datacenters: [${dcs.map((d) => `{ name: ${d} }`).join(', ')}]
  raft: { rttIntraDc: ${o.rttIntraDc}, rttInterDc: ${o.rttInterDc}, fsync: ${o.fsync} }
  clusters:
    - name: prod
      model: multi-master
      controlPlane: { nodes: 9 }
      etcd: { members: 3, topology: ${o.topology} }
      workers: { nodes: ${o.workers} }
`;
}

describe('a sweep over etcd.members at fixed workers', () => {
  it('should show non-decreasing failure tolerance and non-decreasing write latency with size', () => {
    fc.assert(
      fc.property(
        fc.record({
          dcs: fc.integer({ min: 1, max: 5 }),
          workers: fc.constantFrom(0, 100, 1000, 5000),
          topology: fc.constantFrom('stacked', 'external'),
          rttIntraDc: fc.double({ min: 1e-5, max: 0.005, noNaN: true }),
          interFactor: fc.double({ min: 1, max: 2000, noNaN: true }),
          fsync: fc.double({ min: 1e-5, max: 0.02, noNaN: true }),
        }),
        (r) => {
          // Arrange: a file with random timings, swept over the member counts.
          const text = scenarioText({ ...r, rttInterDc: r.rttIntraDc * r.interFactor });
          const { points } = buildSweepPoints({ file: 'tradeoff.yaml', text }, [{ path: 'etcd.members', values: SIZES }], {});
          // Act
          const perf = points.map((p) => etcdPerformanceOf(p.scenario)['prod']!);
          // Assert
          for (let i = 1; i < perf.length; i++) {
            const [a, b] = [perf[i - 1]!, perf[i]!];
            const why = `${SIZES[i - 1]} -> ${SIZES[i]} members: ${JSON.stringify([a.write, b.write])}`;
            expect(b.failuresTolerated, why).toBeGreaterThanOrEqual(a.failuresTolerated);
            expect(writeP99Ms(b) + 1e-9, why).toBeGreaterThanOrEqual(writeP99Ms(a));
            expect(b.capacityWritesPerSecond, why).toBeLessThanOrEqual(a.capacityWritesPerSecond);
          }
          expect(perf.map((p) => p.failuresTolerated)).toEqual([0, 1, 2, 3, 4]);
        },
      ),
      // Each run reads a file and models five sweep points (about 0.2 s): 60 runs keep this file near 12 s.
      { numRuns: runs(60) },
    );
  });
});
