/** Component names, the check that a name exists, and round-robin placement. */
import { describe, expect, it } from 'vitest';
import { checkComponentName, componentNames, datacenterOf, type ClusterSpec } from '../../src/scenario/index.js';
import { parse, withSpec } from './fixtures.js';

const s = parse(
  withSpec(
    [
      'datacenters: [{ name: a }, { name: b }]',
      'clusters:',
      '  - { name: prod, model: multi-master, etcd: { members: 3, learners: 1, topology: external }, workers: { nodes: 2 } }',
      '  - { name: dev, model: single-server }',
      '',
    ].join('\n'),
  ),
);
const byName = new Map(s.clusters.map((c) => [c.name, c] as const));
const prod: ClusterSpec = byName.get('prod')!;

describe('components', () => {
  it('should name every component from 1, learners last', () => {
    expect(componentNames(prod)).toEqual([
      'prod/cp-1', 'prod/cp-2', 'prod/cp-3',
      'prod/etcd-1', 'prod/etcd-2', 'prod/etcd-3', 'prod/etcd-4',
      'prod/worker-1', 'prod/worker-2',
      'prod/lb',
    ]);
    expect(componentNames(byName.get('dev')!)).toEqual(['dev/cp-1', 'dev/etcd-1', 'dev/worker-1']);
  });

  it('should name one load balancer lb and several lb-1, lb-2, ... in the order of their datacenters', () => {
    const spread = parse(withSpec('datacenters: [{ name: a }, { name: b }]\nclusters:\n  - { name: p, model: multi-master, loadBalancer: { datacenters: [b, a] } }\n')).clusters[0]!;
    expect(spread.loadBalancer).toEqual({ enabled: true, datacenters: ['b', 'a'] });
    expect(componentNames(spread).slice(-2)).toEqual(['p/lb-1', 'p/lb-2']);
    const clusters = new Map([['p', spread]]);
    expect(checkComponentName('p/lb-2', clusters)).toBeUndefined();
    expect(checkComponentName('p/lb', clusters)).toBe('unknown component "p/lb": p has cp-1..cp-3, etcd-1..etcd-3, worker-1..worker-3 and lb-1..lb-2');
    expect(checkComponentName('p/lb-3', clusters)).toMatch(/^unknown component "p\/lb-3"/);
    expect(checkComponentName('prod/lb-1', byName)).toMatch(/^unknown component "prod\/lb-1": .* and lb$/);
  });

  // Each row: a name, then the problem (undefined when it exists).
  const CASES: readonly [string, string | undefined][] = [
    ['prod/etcd-4', undefined], // the learner
    ['prod/etcd-5', 'unknown component "prod/etcd-5": prod has cp-1..cp-3, etcd-1..etcd-4, worker-1..worker-2 and lb'],
    ['prod/etcd-0', 'unknown component "prod/etcd-0": prod has cp-1..cp-3, etcd-1..etcd-4, worker-1..worker-2 and lb'], // numbering starts at 1
    ['prod/etcd-leader', 'unknown component "prod/etcd-leader": prod has cp-1..cp-3, etcd-1..etcd-4, worker-1..worker-2 and lb'], // only crash faults accept it
    ['dev/lb', "'dev' has no load balancer (its loadBalancer.enabled is false)"],
    ['dev/worker-1', undefined], // the one host, as a worker
    ['staging/cp-1', 'unknown cluster \'staging\' (expected one of prod and dev) in "staging/cp-1"'],
    ['cp-1', 'expected a component name like prod/etcd-1 (<cluster>/<component>), found "cp-1"'],
  ];
  for (const [name, problem] of CASES) {
    it(`should ${problem === undefined ? 'accept' : 'reject'} ${name}`, () => {
      expect(checkComponentName(name, byName)).toBe(problem);
    });
  }

  it('should accept <cluster>/etcd-leader when asked', () => {
    expect(checkComponentName('prod/etcd-leader', byName, { allowLeader: true })).toBeUndefined();
  });

  it('should place the hosts of each role round-robin over the cluster datacenters', () => {
    expect([1, 2, 3, 4].map((i) => datacenterOf(prod, i))).toEqual(['a', 'b', 'a', 'b']);
  });
});
