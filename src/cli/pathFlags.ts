/** Flags that name a file or folder to write or read (--out, --into, --scenario): an empty value is refused before the command runs. */
import type { Command } from 'commander';
import { InputError } from './errors.js';

/** The path flags of any command; which of them a command has is read from the command itself. */
const PATH_FLAGS = ['--out', '--into', '--scenario'];

/**
 * Refuses `--out ''` (an unset shell variable, `--out "$DIR"`) as one line naming the flag:
 * resolved, an empty path is the current folder, which a writer tried to replace and failed on
 * only after the work (EISDIR), or called an existing file it refused to replace.
 */
export function checkPathFlags(command: Command): void {
  for (const option of command.options) {
    if (option.long === undefined || !PATH_FLAGS.includes(option.long)) continue;
    if (command.getOptionValue(option.attributeName()) === '') throw new InputError(`${option.long}: expected a path, found an empty string`);
  }
}
