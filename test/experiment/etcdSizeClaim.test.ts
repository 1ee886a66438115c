import { describe, expect, it } from 'vitest';
import { etcdSizeClaim } from '../../src/experiment/etcdSizeClaim.js';

/** P(at least k of n independent members up), each up with probability a: the k-of-n closed form, written out. */
function kOfN(k: number, n: number, a: number): number {
  let sum = 0;
  for (let up = k; up <= n; up++) {
    let c = 1;
    for (let i = 0; i < up; i++) c = (c * (n - i)) / (i + 1);
    sum += c * a ** up * (1 - a) ** (n - up);
  }
  return sum;
}

describe('the etcd size claim kubesim models checks', () => {
  const rows = etcdSizeClaim();

  it('should give each size its exact quorum availability, agreeing with the k-of-n closed form', () => {
    // Arrange: a member is up 60 days out of every 60 days and 2 hours.
    const a = (60 * 24) / (60 * 24 + 2);
    // Act / Assert
    for (const r of rows) expect(r.quorumAvailability!, `${r.members} members`).toBeCloseTo(kOfN(Math.floor(r.members / 2) + 1, r.members, a), 12);
  });

  it('should show the trade-off the claim leaves out: more nines, slower writes, and an idle leader at 100 workers', () => {
    // Assert
    expect(rows.map((r) => r.members)).toEqual([3, 5, 7]);
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i]!.quorumAvailability!).toBeGreaterThan(rows[i - 1]!.quorumAvailability!);
      expect(rows[i]!.writeP99Ms!).toBeGreaterThanOrEqual(rows[i - 1]!.writeP99Ms!);
    }
    for (const r of rows) expect(r.utilisation).toBeLessThan(0.01);
  });
});
