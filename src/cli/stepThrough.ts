/** Shows lines one at a time, waiting for the user between them: Enter goes forward, `b` back, `q` quits. */
import { createInterface } from 'node:readline';

const PROMPT = '  [Enter] next, b back, q quit > ';

/**
 * Writes the first line, then one more per Enter. `b` writes the previous line again (marked
 * "back"), so a teacher can return to a step; `q` or the end of the input stops early. The
 * prompt goes to `prompt` (stderr), so that stdout holds the lines alone.
 */
export async function stepThrough(
  lines: readonly string[],
  input: NodeJS.ReadableStream,
  out: NodeJS.WritableStream,
  prompt: NodeJS.WritableStream,
): Promise<void> {
  if (lines.length === 0) return;
  const rl = createInterface({ input, terminal: false });
  const answers = rl[Symbol.asyncIterator]();
  let i = 0;
  out.write(lines[0]!);
  try {
    while (i < lines.length - 1) {
      prompt.write(PROMPT);
      const answer = await answers.next();
      if (answer.done === true) break;
      const command = String(answer.value).trim().toLowerCase();
      if (command === 'q' || command === 'quit') break;
      if (command === 'b' || command === 'back') {
        if (i > 0) i--;
        out.write(`(back) ${lines[i]!}`);
        continue;
      }
      i++;
      out.write(lines[i]!);
    }
  } finally {
    rl.close();
    input.pause();
  }
}
