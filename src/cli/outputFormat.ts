/**
 * `-o json|yaml|wide|table` (kubectl's habit), with `--json` kept as its alias: the option, its
 * check before any work, and the printing of a document as JSON or as YAML holding the same data.
 */
import { Option, type Command } from 'commander';
import { stringify } from 'yaml';
import { quoteValue } from '../kernel/quoteValue.js';
import { didYouMean } from '../scenario/index.js';
import { InputError } from './errors.js';

export const OUTPUT_FORMATS = ['table', 'wide', 'json', 'yaml'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** The flags every command with `-o` carries. `json` is true for `-o json` and `-o yaml` too (set by checkOutputFlags). */
export interface OutputFlags {
  readonly output?: string;
  readonly json?: boolean;
}

/** The `-o, --output <format>` option; `wide` says what `-o wide` adds on that command. Goes with a `--json` option, its alias. */
export function outputOption(wide: string): Option {
  return new Option('-o, --output <format>', `table (the default), wide (${wide}), json or yaml (the same data as json)`);
}

/** The format asked for: table unless `-o` or `--json` says otherwise. Unknown values and a `--json` that contradicts `-o` fail with one line. */
export function outputFormat(flags: OutputFlags): OutputFormat {
  const o = flags.output;
  if (o === undefined) return flags.json === true ? 'json' : 'table';
  if (!(OUTPUT_FORMATS as readonly string[]).includes(o)) {
    throw new InputError(`-o: expected table, wide, json or yaml, found ${quoteValue(o)}${didYouMean(o, OUTPUT_FORMATS)}`);
  }
  return o as OutputFormat;
}

/**
 * Checks `-o` before the command runs and normalises the flags: `json` becomes true for json and
 * yaml (the commands test it to print a document and nothing else), and `--json` beside
 * `-o table`, `wide` or `yaml` is refused rather than one of them silently winning.
 */
export function checkOutputFlags(command: Command): void {
  if (!command.options.some((o) => o.long === '--output')) return;
  const flags = command.opts<OutputFlags>();
  const format = outputFormat(flags);
  if (flags.json === true && format !== 'json') throw new InputError(`--json: it means -o json, not -o ${format}: give one of them`);
  if (format === 'json' || format === 'yaml') command.setOptionValue('json', true);
}

/** Whether the document goes out as YAML (`-o yaml`) rather than JSON. */
export function wantsYaml(flags: OutputFlags): boolean {
  return flags.output === 'yaml';
}

/** Whether `-o wide` was asked for. */
export function wantsWide(flags: OutputFlags): boolean {
  return flags.output === 'wide';
}

/**
 * The document text for stdout: `json` as it is (the command's own JSON, byte for byte), or the
 * same data as YAML. The YAML is made from the JSON text, not the objects, so both hold exactly
 * the same values (undefined fields dropped, null kept) and parse back to the same data.
 */
export function documentText(json: string, flags: OutputFlags): string {
  if (!wantsYaml(flags)) return json.endsWith('\n') ? json : `${json}\n`;
  return stringify(JSON.parse(json), { lineWidth: 0, aliasDuplicateObjects: false });
}

/** Prints a value as JSON (2-space indent) or YAML, as `-o` asks. */
export function writeDocument(value: unknown, flags: OutputFlags): void {
  process.stdout.write(documentText(`${JSON.stringify(value, null, 2)}\n`, flags));
}
