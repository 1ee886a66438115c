/** `kubesim explain` as users run it: the built CLI, its flags, exit codes and JSON lines. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kubesimInProcess } from '../cli/inProcess.js';

const CLI = 'dist/cli/main.js';
const LESSON = 'scenarios/lessons/02-lose-two-of-three.yaml';
const built = existsSync(CLI);

/** The built CLI (in-process, inProcess.ts) in a locale that is not UTF-8. */
const kubesim = (...args: string[]) => kubesimInProcess(args, { env: { LANG: 'C' } });

// `npm test` builds dist/ first; a bare `vitest run` before any build has no CLI to spawn.
describe.skipIf(!built)('kubesim explain (the built CLI; run `npm run build` first)', () => {
  it('should print the narration and an ASCII strip chart when the locale is not UTF-8', async () => {
    const r = await kubesim('explain', LESSON, '--width', '60');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(readFileSync('test/explain/expected/02-lose-two-of-three.txt', 'utf8'));
  });

  it('should print one JSON object per step and nothing else with --json', async () => {
    const r = await kubesim('explain', LESSON, '--json');
    expect(r.code).toBe(0);
    const steps = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { t: number; line: string; clusters: { quorumHeld: boolean; membersUp: number; quorum: number }[] });
    // Ten changes, and the returning etcd-3's pre-vote refused by etcd-1 (its log is behind): 11 steps.
    expect(steps.length).toBe(11);
    const lost = steps.find((s) => s.t === 600)!;
    expect(lost.clusters[0]).toMatchObject({ quorumHeld: false, membersUp: 1, quorum: 2 });
    expect(lost.line).toContain('QUORUM LOST');
  });

  it('should narrate only the window, opening with the state at its start', async () => {
    const r = await kubesim('explain', LESSON, '--from', '7m', '--to', '12m', '--json');
    const lines = r.stdout.trimEnd().split('\n').map((l) => (JSON.parse(l) as { line: string }).line);
    expect(lines[0]).toBe('t=00:07:00 window opens: 2 of 3 members up, quorum needs 2 (can lose 0 more), leader etcd-1 (term 1): writable');
    expect(lines.at(-1)).toMatch(/^t=00:10:10 /);
  });

  it('should ignore --step when stdin is not a terminal', async () => {
    const stepped = await kubesim('explain', LESSON, '--width', '60', '--step');
    expect(stepped.code).toBe(0);
    expect(stepped.stdout).toBe(readFileSync('test/explain/expected/02-lose-two-of-three.txt', 'utf8'));
  });

  it.each([
    [['--replication', '1'], /--replication: expected a whole number from 0 to 0/],
    [['--to', '2h'], /--to: 2h is after the end of the run \(30m\)/],
    [['--from', '20m', '--to', '10m'], /--from: expected a time before --to/],
    [['--from', 'soon'], /--from: expected a duration/],
  ])('should exit 2 with one line for bad flags %j', async (flags, message) => {
    const r = await kubesim('explain', LESSON, ...flags);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('should exit 2 for a file that does not exist', async () => {
    const r = await kubesim('explain', 'scenarios/lessons/nope.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nope\.yaml.*no such file/);
  });
});
