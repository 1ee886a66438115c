/** The limit on a scenario's name (`metadata.name`), which becomes the name of its report folder and files. */
import { quoteValue } from '../kernel/quoteValue.js';

/**
 * At most 128 bytes of UTF-8. A file name may have 255 bytes (NAME_MAX on Linux and macOS); the
 * longest name kubesim makes from a scenario's adds up to 81 bytes to it: the temporary sibling of
 * a shard's partial file of a run of several scenarios without their faults,
 * `.<name>-without-faults-and-9999-more.shard-10000-of-10000.json.tmp-4194304-<12 hex>`.
 * 128 leaves room for all of it, and is twice Kubernetes' 63-character label.
 */
export const MAX_SCENARIO_NAME_BYTES = 128;

/** The problem with a scenario name too long for its report folder, or undefined. */
export function scenarioNameProblem(name: string): string | undefined {
  const bytes = Buffer.byteLength(name, 'utf8');
  if (bytes <= MAX_SCENARIO_NAME_BYTES) return undefined;
  return `expected a name of at most ${MAX_SCENARIO_NAME_BYTES} bytes (UTF-8), since it names the report folder and files (docs/names.md), found ${quoteValue(name)}, ${bytes.toLocaleString('en-US')} bytes`;
}
