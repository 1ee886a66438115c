/** `kubesim completion bash|zsh|fish`: prints the completion script for the shell (completion.ts). */
import { quoteValue } from '../../kernel/quoteValue.js';
import { didYouMean } from '../../scenario/index.js';
import { completionScript, SHELLS, type Shell } from '../completion.js';
import { InputError } from '../errors.js';
import { buildProgram } from '../program.js';

export function completionCommand(shell: string): void {
  if (!(SHELLS as readonly string[]).includes(shell)) throw new InputError(`completion: expected bash, zsh or fish, found ${quoteValue(shell)}${didYouMean(shell, SHELLS)}`);
  process.stdout.write(completionScript(buildProgram(), shell as Shell));
}
