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
