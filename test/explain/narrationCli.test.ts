/** `kubesim explain` on a run with many workers, through the CLI: --signal keeps the steps that matter, workers counted by datacenter, state told once. */
import { describe, expect, it } from 'vitest';
import { kubesimInProcess } from '../cli/inProcess.js';

const FILE = 'test/explain/fixtures/many-workers.yaml';
/** The ten workers of dc-b (node i is in datacenter (i - 1) mod 3). */
const DC_B = Array.from({ length: 10 }, (_, i) => `worker-${3 * i + 2}`);

// Each variant once (a CLI run costs seconds): the plain narration, --json, --signal, --verbose.
const plain = await kubesimInProcess(['explain', FILE]);
const json = await kubesimInProcess(['explain', FILE, '--json']);
const filtered = await kubesimInProcess(['explain', FILE, '--signal', 'apiWrite']);
const filteredJson = await kubesimInProcess(['explain', FILE, '--json', '--signal', 'prod/apiWrite']);
const verbose = await kubesimInProcess(['explain', FILE, '--verbose']);

const steps = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('t='));
const jsonLines = (stdout: string) => stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { t: number; clock: string; line: string; changed: { key: string }[] });

describe('explain --signal', () => {
  it('should tell only the first step and those that move apiWrite or its causes, and say how many of how many', () => {
    // Arrange: the whole narration (plain), then the same run filtered on apiWrite (filtered).
    expect(plain.code, plain.stderr).toBe(0);
    // Act
    const kept = steps(filtered.stdout);
    // Assert
    expect(filtered.code, filtered.stderr).toBe(0);
    const header = filtered.stdout.split('\n')[1]!;
    expect(header).toMatch(new RegExp(`^${kept.length} of ${steps(plain.stdout).length} steps: the first and those that move prod/apiWrite or its causes \\(`));
    // The worker's crash and the kubelets' leases do not move writes; the outage (cp-2, etcd-2) and the leader's crash do.
    expect(kept.map((l) => l.slice(0, l.indexOf(' ')))).toEqual(['t=00:00:00', 't=00:20:00', 't=00:30:00', 't=00:40:00', 't=00:40:01.323', 't=00:45:00']);
  });

  it('should filter --json the same way, every change of the signal kept', () => {
    // Arrange
    const all = jsonLines(json.stdout);
    // Act
    const kept = jsonLines(filteredJson.stdout);
    // Assert
    expect(filteredJson.code, filteredJson.stderr).toBe(0);
    const text = steps(filtered.stdout);
    expect(kept.map((s) => `t=${s.clock}`)).toEqual(text.map((l) => l.slice(0, l.indexOf(' '))));
    const moves = all.filter((s) => s.changed.some((c) => c.key === 'prod/apiWrite')).map((s) => s.t);
    expect(moves.length).toBeGreaterThan(0);
    expect(kept.map((s) => s.t)).toEqual(expect.arrayContaining(moves));
    expect(kept.length).toBeLessThan(all.length);
  });

  it('should refuse a signal the scenario does not have with a suggestion, exit 2, before any work', async () => {
    // Act
    const r = await kubesimInProcess(['explain', FILE, '--signal', 'apiWrit']);
    // Assert
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^kubesim: --signal: 'many-workers' has no signal 'apiWrit'; did you mean 'apiWrite'\?/);
  });
});

describe('explain: workers by datacenter', () => {
  it('should count the ten workers of dc-b in the outage instead of naming them, and name each once with --verbose', () => {
    // Act
    const counted = steps(plain.stdout);
    const listed = steps(verbose.stdout);
    // Assert
    expect(verbose.code, verbose.stderr).toBe(0);
    for (const at of ['t=00:20:00 ', 't=00:30:00 ']) {
      const line = counted.find((l) => l.startsWith(at))!;
      expect(line).toContain('(cp-2, etcd-2, 10 workers in dc-b ');
      for (const w of DC_B) expect(line).not.toMatch(new RegExp(`\\b${w}\\b`));
      const named = listed.find((l) => l.startsWith(at))!;
      for (const w of DC_B) expect(named.match(new RegExp(`\\b${w}\\b`, 'g')), `${at}${w}`).toHaveLength(1);
    }
    // The kubelets' ten notes at the end of the outage are one phrase.
    expect(counted.find((l) => l.startsWith('t=00:30:00 '))).toContain('each of 10 workers in dc-b: its kubelet renews its lease again: Ready');
  });

  it('should still name one worker that fails alone, and say which workload lacks a replica', () => {
    const line = steps(plain.stdout).find((l) => l.startsWith('t=00:05:00 '));
    expect(line).toBe('t=00:05:00 worker-1 crashes; web: 5 of 6 replicas running (workloads down)');
  });
});

describe('explain: the state told when it changed', () => {
  it('should leave the state out of a line whose state is the last one told, and keep it in --json', () => {
    // Act
    const text = steps(plain.stdout);
    const objects = jsonLines(json.stdout);
    // Assert: the kubelet's lease at 00:05:50 changes nothing etcd or the API see.
    expect(text.find((l) => l.startsWith('t=00:05:50 '))).toBe(
      't=00:05:50 worker-1: its kubelet last renewed its lease at 00:04:55.428; NotReady at 00:05:50 (grace 50s, checked every 5s)',
    );
    expect(objects.find((s) => s.t === 350)!.line).toMatch(/NotReady at 00:05:50 .*: 3 of 3 members up, quorum needs 2 \(can lose 1 more\), leader etcd-1 \(term 1\): writable$/);
    // Every state told differs from the one told before it.
    const told = text.map((l) => /: (\d+ of \d+ members up.*?)(?: \([^()]*\))?$/.exec(l)?.[1]?.replace('still writable', 'writable')).filter((x) => x !== undefined);
    expect(told.length).toBeGreaterThan(3);
    told.forEach((s, i) => expect(s, `state ${i}`).not.toBe(told[i - 1]));
  });
});
