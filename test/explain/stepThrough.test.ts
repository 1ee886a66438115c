/** Stepping through narrated lines: forward with Enter, back with b, stop with q or at the end of the input. */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { stepThrough } from '../../src/cli/stepThrough.js';

async function run(lines: string[], typed: string): Promise<{ out: string; prompts: number }> {
  const input = new PassThrough();
  const out = new PassThrough();
  const prompt = new PassThrough();
  let text = '';
  let prompts = 0;
  out.on('data', (d: Buffer) => (text += d.toString()));
  prompt.on('data', () => prompts++);
  input.end(typed);
  await stepThrough(lines, input, out, prompt);
  return { out: text, prompts };
}

const LINES = ['one\n', 'two\n', 'three\n'];

describe('stepThrough', () => {
  it('should show one more line per Enter and stop prompting at the last', async () => {
    const r = await run(LINES, '\n\n\n\n');
    expect(r.out).toBe('one\ntwo\nthree\n');
    expect(r.prompts).toBe(2);
  });

  it('should go back one line with b, and not before the first', async () => {
    const r = await run(LINES, '\nb\nb\n\n\n');
    expect(r.out).toBe('one\ntwo\n(back) one\n(back) one\ntwo\nthree\n');
  });

  it('should stop at q, or when the input ends', async () => {
    expect((await run(LINES, '\nq\n\n')).out).toBe('one\ntwo\n');
    expect((await run(LINES, '')).out).toBe('one\n');
  });
});

describe('explain --step frames', () => {
  it('should draw the strip chart so far under each step but the first and the last', async () => {
    const { stepFrames } = await import('../../src/cli/commands/explain.js');
    const { explanation } = await import('../../src/report/narrate/explanation.js');
    const { loadScenario } = await import('../../src/scenario/index.js');
    const s = loadScenario('scenarios/lessons/02-lose-two-of-three.yaml');
    const e = explanation(s, { replication: 0, from: 0, to: s.horizon, chartWidth: 30, unicode: false, color: false });
    const frames = stepFrames(e, (line) => `${line}\n`);
    expect(frames).toHaveLength(e.steps.length);
    expect(frames[0]).toBe(`${e.lines[0]!}\n`);
    expect(frames.at(-1)).toBe(`${e.lines.at(-1)!}\n`);
    // At 10m (the second crash): etcd-2 down for the 5 minutes so far, nothing drawn after 10m.
    const at10m = frames[e.steps.findIndex((x) => x.t === 600)]!;
    expect(at10m).toContain('Timeline 00:00:00 to 00:30:00, one column = 1m');
    expect(at10m).toMatch(/^etcd-2 +#####\.\.\.\.\.$/m);
  });
});
