/** The lab's actions as scripted faults, its clock, its history; and its scenario as the file format. */
import { describe, expect, it } from 'vitest';
import { act, applied, back, configOf, forward, jump, newHistory, reconfigure } from '../../src/lab/labHistory.js';
import { fitActions, LAB_DEFAULTS, LAB_HORIZON, labFaults, labScenario, labScenarioYaml, labSettings, labTime, type LabAction } from '../../src/lab/labScenario.js';
import { parseScenario } from '../../src/scenario/index.js';

const wait = (seconds: number): LabAction => ({ kind: 'advance', seconds });
const crash = (member: number): LabAction => ({ kind: 'crash', member });
const recover = (member: number): LabAction => ({ kind: 'recover', member });

describe('labFaults', () => {
  it.each<[string, LabAction[], unknown[]]>([
    ['a crash lasts until the recovery', [wait(10), crash(2), wait(5), recover(2)], [{ kind: 'crash', at: 10, target: 'prod/etcd-2', duration: 5 }]],
    ['an open crash lasts to the horizon', [wait(10), crash(2)], [{ kind: 'crash', at: 10, target: 'prod/etcd-2', duration: LAB_HORIZON - 10 }]],
    ['a crash and a recovery at the same instant cancel out', [wait(10), crash(2), recover(2)], []],
    ['crashing a crashed member or recovering an up one does nothing', [crash(1), wait(1), crash(1), recover(3), wait(1), recover(1)], [{ kind: 'crash', at: 0, target: 'prod/etcd-1', duration: 2 }]],
    [
      'faults come in the order they start, ties in the order of the actions',
      [wait(1), crash(3), crash(1), wait(1), recover(1), wait(1), recover(3)],
      [
        { kind: 'crash', at: 1, target: 'prod/etcd-3', duration: 2 },
        { kind: 'crash', at: 1, target: 'prod/etcd-1', duration: 1 },
      ],
    ],
    [
      'a partition cuts off the chosen datacenters and members until healed; a second cut while one is active does nothing',
      [wait(5), { kind: 'partition', datacenters: ['dc-a'], members: [2] }, { kind: 'partition', datacenters: ['dc-b'], members: [] }, wait(60), { kind: 'heal' }],
      [{ kind: 'partition', at: 5, groups: [['dc-a', 'prod/etcd-2']], duration: 60 }],
    ],
  ])('%s', (_why, actions, expected) => {
    expect(labFaults(actions)).toEqual(expected);
  });

  it('should keep the clock in whole milliseconds, so the file holds the lab times exactly', () => {
    const actions = Array.from({ length: 7 }, () => wait(0.1));
    expect(labTime(actions)).toBe(0.7);
    expect(labTime([wait(LAB_HORIZON), wait(5)])).toBe(LAB_HORIZON);
  });

  it('should know who the student crashed and what is cut off', () => {
    const s = labSettings([crash(1), crash(2), recover(1), { kind: 'partition', datacenters: ['dc-c'], members: [] }]);
    expect([...s.crashed]).toEqual([2]);
    expect(s.partition).toEqual({ datacenters: ['dc-c'], members: [] });
  });
});

describe('labHistory', () => {
  it('should go back and forward, and drop the undone steps when a new one is taken', () => {
    let h = newHistory(LAB_DEFAULTS);
    h = act(act(act(h, wait(1)), crash(1)), wait(2));
    expect(labTime(applied(back(h)))).toBe(1);
    expect(applied(forward(back(h)))).toEqual(applied(h));
    const branched = act(back(back(h)), crash(2));
    expect(branched.actions).toEqual([wait(1), crash(2)]);
    expect(jump(h, 99).cursor).toBe(3);
    expect(jump(h, -1).cursor).toBe(0);
  });

  it('should merge the play button ticks into one step', () => {
    let h = newHistory(LAB_DEFAULTS);
    for (let i = 0; i < 10; i++) h = act(h, wait(0.1), true);
    expect(h.actions).toEqual([wait(1)]);
    h = act(act(h, crash(1)), wait(0.1), true);
    expect(h.actions).toHaveLength(3);
  });
});

describe('changes of configuration in the history', () => {
  it('should keep the steps across a change of member count, and undo the change with Back', () => {
    let h = act(act(act(newHistory(LAB_DEFAULTS), wait(10)), crash(2)), crash(3));
    h = reconfigure(h, { members: 4 });
    expect(configOf(h).members).toBe(4);
    expect(applied(h)).toEqual([wait(10), crash(2), crash(3)]);
    h = act(h, crash(4));
    expect(applied(h)).toEqual([wait(10), crash(2), crash(3), crash(4)]);
    // Back across the crash of etcd-4, then across the change: three members again, etcd-4 gone.
    expect(configOf(back(back(h))).members).toBe(3);
    expect(applied(back(back(h)))).toEqual([wait(10), crash(2), crash(3)]);
    // The crash of etcd-4 is still in the history, ignored while there are three members.
    expect(applied({ ...h, actions: [...h.actions, { kind: 'configure', config: LAB_DEFAULTS }], cursor: h.actions.length + 1 })).toEqual([wait(10), crash(2), crash(3)]);
  });

  it('should not record a change to the configuration in effect', () => {
    const h = newHistory(LAB_DEFAULTS);
    expect(reconfigure(h, { members: 3 })).toBe(h);
    expect(reconfigure(h, { preVote: false }).actions).toHaveLength(1);
  });
});

describe('fitActions', () => {
  it('should drop what a configuration does not have, and cuts that cut nothing or everything', () => {
    const cut = (datacenters: string[], members: number[]): LabAction => ({ kind: 'partition', datacenters, members });
    const three = { ...LAB_DEFAULTS, members: 3, datacenters: 3 };
    expect(fitActions(three, [crash(5), recover(5), crash(1)])).toEqual([crash(1)]);
    expect(fitActions(three, [cut(['dc-a'], [5])])).toEqual([cut(['dc-a'], [])]);
    expect(fitActions({ ...three, datacenters: 1 }, [cut(['dc-a'], []), cut(['dc-b'], [2])])).toEqual([cut([], [2])]);
    expect(fitActions(three, [cut([], [1, 2, 3])])).toEqual([]);
  });
});

describe('labScenario as a file', () => {
  it('should read back from its YAML as the very scenario the lab runs', () => {
    const actions: LabAction[] = [wait(12.3), crash(2), wait(0.7), { kind: 'partition', datacenters: ['dc-a'], members: [3] }, wait(30), recover(2)];
    for (const config of [LAB_DEFAULTS, { members: 4, datacenters: 2, seed: 9, preVote: false }, { members: 1, datacenters: 1, seed: 0, preVote: true }]) {
      const acts = config.members >= 3 ? actions : [wait(3), crash(1), wait(1), recover(1)];
      const { file: _file, ...fromYaml } = parseScenario(labScenarioYaml(config, acts), 'quorum-lab.yaml');
      expect(fromYaml).toEqual(labScenario(config, acts));
    }
  });
});
