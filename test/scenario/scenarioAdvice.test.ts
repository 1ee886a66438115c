/** Advice: allowed choices worth a second look, never errors. */
import { describe, expect, it } from 'vitest';
import { loadScenario, scenarioAdvice } from '../../src/scenario/index.js';
import { parse, ROOT, withSpec } from './fixtures.js';

const adviceOf = (spec: string) => scenarioAdvice(parse(withSpec(spec))).map((a) => `${a.path}: ${a.message}`);

describe('scenarioAdvice', () => {
  it('should have nothing to say about the default scenario', () => {
    expect(scenarioAdvice(loadScenario(`${ROOT}scenarios/default.yaml`))).toEqual([]);
  });

  it('should point out the even-size trap', () => {
    expect(adviceOf('clusters:\n  - { name: p, model: multi-master, etcd: { members: 4, topology: external } }\n')).toEqual([
      'spec.clusters[0].etcd.members: p: 4 members need a quorum of 3 and tolerate 1 failure(s), no more than 3 members: an even size adds a member that can fail, not tolerance',
    ]);
  });

  it('should point out a datacenter that holds a quorum (a stretched cluster)', () => {
    const s = loadScenario(`${ROOT}scenarios/stretched-two-dcs.yaml`);
    expect(scenarioAdvice(s).map((a) => a.message)).toEqual([
      'stretched: 2 of 3 etcd members are in dc-a, so an outage of dc-a loses quorum; spread the members so that no datacenter holds a majority (1+1+1 over three)',
    ]);
  });

  it('should point out a small control plane, an election timeout short for the distance, and too few pods', () => {
    const spec = [
      'datacenters: [{ name: a }, { name: b }, { name: c }]',
      'raft: { rttInterDc: 200ms }',
      'clusters:',
      '  - { name: p, model: multi-master, controlPlane: { nodes: 1 }, workers: { nodes: 1, podsPerNode: 10 }, workloads: [{ name: w, replicas: 20 }] }',
      '',
    ].join('\n');
    expect(adviceOf(spec)).toEqual([
      "spec.clusters[0].controlPlane.nodes: p: kubeadm's highly available topologies start at 3 control-plane nodes, found 1",
      "spec.raft.electionTimeout: p spans datacenters: etcd's tuning guide advises an election timeout of at least 10 round trips (2s), found 1s",
      'spec.clusters[0].workloads: p: the workloads ask for 20 replicas but the workers hold at most 10 pods',
    ]);
  });
});
