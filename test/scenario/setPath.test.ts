/** Sweep overrides: setPath and parseOverride. */
import { describe, expect, it } from 'vitest';
import { formatProblem, parseOverride, parseScenarioDocument, ScenarioError, scenarioFromRaw, setPath } from '../../src/scenario/index.js';
import { withSpec } from './fixtures.js';

const TEXT = withSpec(
  [
    'horizon: 30d',
    'clusters:',
    '  - name: a',
    '    model: multi-master',
    '    etcd: { members: 3, topology: external }',
    '  - name: b',
    '    model: multi-master',
    '    etcd: { members: 3, topology: external }',
    '',
  ].join('\n'),
);

function errorOf(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof ScenarioError) return e.problems.map(formatProblem);
    throw e;
  }
  return [];
}

describe('setPath', () => {
  const raw = parseScenarioDocument(TEXT, 'x.yaml');

  it('should apply a cluster field to every cluster', () => {
    const s = scenarioFromRaw(setPath(raw, 'etcd.members', 5), 'x.yaml');
    expect(s.clusters.map((c) => c.etcd.members)).toEqual([5, 5]);
  });

  it('should apply an indexed or a full path exactly', () => {
    const one = scenarioFromRaw(setPath(raw, 'clusters[1].workers.nodes', 1000), 'x.yaml');
    expect(one.clusters.map((c) => c.workers.nodes)).toEqual([3, 1000]);
    const full = scenarioFromRaw(setPath(raw, 'spec.clusters[0].etcd.members', 7), 'x.yaml');
    expect(full.clusters.map((c) => c.etcd.members)).toEqual([7, 3]);
    expect(scenarioFromRaw(setPath(raw, 'spec.horizon', '1y'), 'x.yaml').horizon).toBe(365 * 86400);
    expect(scenarioFromRaw(setPath(raw, 'metadata.name', 'swept'), 'x.yaml').name).toBe('swept');
  });

  it('should resolve a spec field without the spec. prefix, creating the objects on the way', () => {
    const s = scenarioFromRaw(setPath(raw, 'raft.electionTimeout', '2s'), 'x.yaml');
    expect(s.raft.electionTimeout).toBe(2);
    expect(scenarioFromRaw(setPath(raw, 'spec.raft.electionTimeout', 3), 'x.yaml').raft.electionTimeout).toBe(3);
    expect(scenarioFromRaw(setPath(raw, 'replications', 7), 'x.yaml').replications).toBe(7);
  });

  it('should treat a field of both spec and clusters as a cluster field (clusters override spec)', () => {
    const s = scenarioFromRaw(setPath(raw, 'failures.etcd', { mttf: '30d', mttr: '1h' }), 'x.yaml');
    expect(s.failures).toEqual({});
    expect(s.clusters.map((c) => c.failures.etcd?.mttf)).toEqual([
      { kind: 'exponential', mean: 30 * 86400 },
      { kind: 'exponential', mean: 30 * 86400 },
    ]);
  });

  it('should leave the original document unchanged', () => {
    const before = JSON.stringify(raw);
    setPath(raw, 'etcd.members', 9);
    expect(JSON.stringify(raw)).toBe(before);
  });

  it('should keep the lines of the text, so problems after an override still point into the file', () => {
    expect(errorOf(() => scenarioFromRaw(setPath(raw, 'etcd.members', 12), 'x.yaml'))).toEqual([
      'x.yaml:10: spec.clusters[0].etcd.members: expected a whole number from 1 to 9, found 12',
      'x.yaml:13: spec.clusters[1].etcd.members: expected a whole number from 1 to 9, found 12',
    ]);
  });

  it('should name an unknown path and suggest the field meant', () => {
    expect(errorOf(() => setPath(raw, 'etcd.membrs', 5))).toEqual([
      "--set: etcd.membrs: unknown field 'membrs' in spec.clusters[*].etcd; did you mean 'members'?",
    ]);
    expect(errorOf(() => setPath(raw, 'replicatons', 5))).toEqual(["--set: replicatons: unknown field 'replicatons'; did you mean 'replications'?"]);
    expect(errorOf(() => setPath(raw, 'spec.horizon.x', 5))).toEqual(['--set: spec.horizon.x: spec.horizon has no fields']);
    expect(errorOf(() => setPath(raw, 'etcd..members', 5))).toEqual([
      '--set: etcd..members: expected a path like etcd.members, workers.nodes or spec.horizon, found "etcd..members"',
    ]);
  });

  it('should report an index past the end and a list with nothing to set', () => {
    expect(errorOf(() => setPath(raw, 'clusters[2].etcd.members', 5))).toEqual([
      '--set: clusters[2].etcd.members: spec.clusters[2] does not exist: spec.clusters has 2 items',
    ]);
    const noFaults = setPath(raw, 'spec.faults', []);
    expect(errorOf(() => setPath(noFaults, 'spec.faults[*].at', '1d'))).toEqual([
      '--set: spec.faults[*].at: spec.faults is empty: there is nothing to set',
    ]);
  });

  it('should name the source given', () => {
    expect(errorOf(() => setPath(raw, 'nope', 1, 'sweep.yaml'))[0]).toMatch(/^sweep\.yaml: nope: unknown field 'nope'/);
  });
});

describe('parseOverride', () => {
  it('should read each value as YAML', () => {
    expect(parseOverride('etcd.members=1,3,5,7')).toEqual({ path: 'etcd.members', values: [1, 3, 5, 7] });
    expect(parseOverride('raft.preVote=true,false')).toEqual({ path: 'raft.preVote', values: [true, false] });
    expect(parseOverride('horizon=30d,1y')).toEqual({ path: 'horizon', values: ['30d', '1y'] });
    expect(parseOverride('failures.etcd.mttr={ fixed: 1h },{ uniform: { min: 1m, max: 2h } }')).toEqual({
      path: 'failures.etcd.mttr',
      values: [{ fixed: '1h' }, { uniform: { min: '1m', max: '2h' } }],
    });
  });

  it('should reject a flag without a path or a value', () => {
    for (const bad of ['etcd.members', '=3', 'etcd.members=', 'etcd.members=1,,3']) {
      expect(errorOf(() => parseOverride(bad))).toEqual([`--set: expected path=value[,value...] like etcd.members=3,5, found "${bad}"`]);
    }
  });
});
