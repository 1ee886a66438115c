/** The lab and the CLI agree: the same scripted faults give the same timeline in the browser's code and in `kubesim explain`. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labRun } from '../../src/lab/labRun.js';
import { labScenarioYaml, type LabAction, type LabConfig } from '../../src/lab/labScenario.js';
import { runReplication } from '../../src/model/Replication.js';
import { buildTopology } from '../../src/model/Topology.js';
import type { TraceEvent } from '../../src/model/Trace.js';
import { logHtml } from '../../src/lab/render.js';
import { explanation } from '../../src/report/narrate/explanation.js';
import { parseScenario } from '../../src/scenario/index.js';
import { kubesimInProcess } from '../cli/inProcess.js';
import { runs } from '../runs.js';

const config = fc.record({
  members: fc.integer({ min: 1, max: 9 }),
  datacenters: fc.integer({ min: 1, max: 3 }),
  seed: fc.integer({ min: 0, max: 1000 }),
  preVote: fc.boolean(),
});

/** Histories a student could click: waits of up to a minute, crashes, recoveries, cuts and heals. */
function actions(c: LabConfig) {
  const member = fc.integer({ min: 1, max: c.members });
  const dcs = ['dc-a', 'dc-b', 'dc-c'].slice(0, c.datacenters);
  const action: fc.Arbitrary<LabAction> = fc.oneof(
    fc.integer({ min: 1, max: 60_000 }).map((ms) => ({ kind: 'advance' as const, seconds: ms / 1000 })),
    member.map((m) => ({ kind: 'crash' as const, member: m })),
    member.map((m) => ({ kind: 'recover' as const, member: m })),
    fc
      .record({ datacenters: fc.subarray(dcs), members: fc.subarray(Array.from({ length: c.members }, (_, i) => i + 1)) })
      .filter((p) => p.datacenters.length + p.members.length > 0)
      .map((p) => ({ kind: 'partition' as const, ...p })),
    fc.constant({ kind: 'heal' as const }),
  );
  return fc.array(action, { maxLength: 14 });
}

/** The text of each item of the lab's narration list, tags removed and entities decoded. */
const logItems = (html: string) =>
  [...html.matchAll(/<li[^>]*><time>[^<]*<\/time> (.*?)<\/li>/g)].map((m) =>
    m[1]!.replace(/<[^>]+>/g, '').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'),
  );

const signals = (events: readonly TraceEvent[]) => events.filter((e) => e.kind === 'signal');

describe('the lab and the CLI agree', () => {
  it('should give the same trace from the lab as from its scenario file read by the CLI layer', () => {
    fc.assert(
      fc.property(
        config.chain((c) => fc.tuple(fc.constant(c), actions(c))),
        ([c, acts]) => {
          const lab = labRun(c, acts);
          const file = parseScenario(labScenarioYaml(c, acts), 'quorum-lab.yaml');
          const cli = runReplication(file, buildTopology(file), 0, { trace: true }).trace!;
          expect(lab.trace.events).toEqual(cli.events);
          // And the lab's narration up to now is the CLI's narration of the same window.
          const told = explanation(file, { replication: 0, from: 0, to: lab.now, chartWidth: 10, unicode: false, color: false });
          expect(lab.narrated.map((s) => s.line)).toEqual(told.steps.map((s) => s.line));
          // And the page prints them as explain does: a step's state only when it changed.
          const printed = told.lines.map((l, i) => l.slice(`t=${told.steps[i]!.clock} `.length));
          const page = logItems(logHtml(lab.narrated));
          expect(page).toHaveLength(printed.length);
          // (A cut's duration is left out on the page: there it lasts until the student heals it.)
          printed.forEach((l, i) => {
            if (!l.includes('network partition')) expect(page[i]).toBe(l);
          });
        },
      ),
      { numRuns: runs(100) },
    );
  });

  // `npm test` builds dist/ first; a bare `vitest run` before any build has no CLI to spawn.
  it.skipIf(!existsSync('dist/cli/main.js'))('should give the same signal timeline in the lab as `kubesim explain --json` on the exported file', async () => {
    const c: LabConfig = { members: 3, datacenters: 3, seed: 1, preVote: true };
    const acts: LabAction[] = [
      { kind: 'advance', seconds: 10 },
      { kind: 'crash', member: 2 },
      { kind: 'advance', seconds: 10 },
      { kind: 'crash', member: 3 },
      { kind: 'advance', seconds: 10 },
      { kind: 'recover', member: 2 },
      { kind: 'advance', seconds: 30 },
      { kind: 'partition', datacenters: ['dc-a'], members: [] },
      { kind: 'advance', seconds: 30 },
      { kind: 'heal' },
      { kind: 'advance', seconds: 30 },
    ];
    mkdirSync('test-output/lab', { recursive: true });
    writeFileSync('test-output/lab/agreement.yaml', labScenarioYaml(c, acts));
    const lab = labRun(c, acts);
    const r = await kubesimInProcess(['explain', 'test-output/lab/agreement.yaml', '--to', String(lab.now), '--json']);
    expect(r.stderr).toBe('');
    const cliSteps = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { t: number; changed: { key: string; up: boolean }[]; line: string });
    const cliTimeline = cliSteps.flatMap((s) => s.changed.map((ch) => ({ t: s.t, ...ch })));
    const labTimeline = signals(lab.trace.events)
      .filter((e) => e.t <= lab.now)
      .reduce<{ t: number; key: string; up: boolean }[]>((out, e) => (e.t === 0 ? out : [...out, { t: e.t, key: e.key, up: e.up }]), []);
    expect(cliTimeline).toEqual(labTimeline);
    expect(cliTimeline.map((x) => `${x.key} ${x.up ? 'up' : 'down'}`)).toContain('prod/etcdQuorum down');
    expect(cliSteps.map((s) => s.line)).toEqual(lab.narrated.map((s) => s.line));
  });
});
