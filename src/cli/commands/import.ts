/** `kubesim import NODES [PODS]`: a scenario from `kubectl get nodes -o json` (and the kube-system pods), to stdout or --out (docs/import.md). */
import { lstatSync } from 'node:fs';
import { parseScenario, ScenarioError } from '../../scenario/index.js';
import { IMPORTED_NAME, importScenario, type ImportInput } from '../../scenario/import/importScenario.js';
import { writeFileAtomically } from '../atomicFile.js';
import { InputError } from '../errors.js';
import { readInputFile } from '../inputFile.js';
import { checkOutputParent, OutputPathError, showPath } from '../outputPaths.js';
import { readStdin, STDIN_NAME } from '../stdinInput.js';

/**
 * The largest input read, in bytes (256 MiB). `kubectl get nodes -o json` prints 5-10 KB a node
 * (the image list is most of it): 5,000 nodes, Kubernetes' limit, fit with room to spare.
 */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

export interface ImportFlags {
  readonly out?: string;
  readonly force?: boolean;
  readonly name?: string;
}

export async function importCommand(nodes: string, pods: string | undefined, flags: ImportFlags): Promise<void> {
  // Every check of the arguments comes before any input is read.
  if (nodes === '-' && pods === '-') throw new InputError('import: NODES and PODS cannot both be - (stdin): give one of them as a file');
  if (flags.force === true && flags.out === undefined) throw new InputError('--force: only with --out (stdout is never a file to replace)');
  const name = flags.name ?? IMPORTED_NAME;
  checkName(name);
  if (flags.out !== undefined) checkOut(flags.out, flags.force === true);
  const nodeInput = await read(nodes, 'the nodes');
  const podInput = pods === undefined ? undefined : await read(pods, 'the pods');
  const yaml = importScenario(nodeInput, podInput, name);
  selfCheck(yaml, flags.out ?? 'the imported scenario');
  if (flags.out === undefined) {
    process.stdout.write(yaml);
    return;
  }
  await writeFileAtomically(flags.out, yaml, { replace: flags.force === true });
  // Like validate's "ok" line, on stdout (free with --out); `kubesim:` lines on stderr are errors.
  const checks = yaml.match(/# CHECK/g)?.length ?? 0;
  process.stdout.write(`${showPath(flags.out)}: written (${checks} CHECK comment${checks === 1 ? '' : 's'} to settle)\n`);
}

async function read(arg: string, what: string): Promise<ImportInput> {
  // Named as every other command names stdin in its messages.
  if (arg === '-') return { file: STDIN_NAME, text: await readStdin(MAX_IMPORT_BYTES, STDIN_NAME, what) };
  return { file: arg, text: readInputFile(arg, MAX_IMPORT_BYTES, { noun: what, text: 'JSON text' }) };
}

/**
 * A name the scenario accepts for itself and its cluster, checked by the scenario's own rules
 * (docs/scenario-reference.md#datacenters-and-failure-domains) on the smallest scenario that carries it.
 */
function checkName(name: string): void {
  const smallest = { apiVersion: 'kubesim/v1', kind: 'Scenario', metadata: { name }, spec: { clusters: [{ name, model: 'single-server' }] } };
  try {
    parseScenario(JSON.stringify(smallest), '--name');
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    throw new InputError(`--name: ${e.problems[0]!.message}`);
  }
}

/** --out must be a file that can be written and, without --force, that does not exist yet. */
function checkOut(out: string, force: boolean): void {
  checkOutputParent(out);
  let stat;
  try {
    stat = lstatSync(out);
  } catch {
    return; // absent: it will be created
  }
  if (stat.isDirectory()) throw new OutputPathError(`--out ${showPath(out)}: is a folder; give a file name, e.g. --out ${showPath(out.replace(/\/*$/, ''))}/imported.yaml`);
  if (!stat.isFile()) throw new OutputPathError(`--out ${showPath(out)}: is not a regular file: refusing to replace it`);
  if (!force) throw new OutputPathError(`--out ${showPath(out)}: exists: refusing to replace it (--force replaces it)`);
}

/** The import promises a scenario that validates: one that does not is a bug, reported as such (exit 1), and nothing is written. */
function selfCheck(yaml: string, file: string): void {
  try {
    parseScenario(yaml, file);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    throw new Error(`kubesim import produced a scenario that does not validate (a bug: please report it): ${e.message.split('\n')[0]!}`);
  }
}
