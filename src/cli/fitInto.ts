/**
 * `kubesim fit --into`: writes fitted failures into an existing scenario, keeping its comments and
 * layout (the yaml Document API), and replaces the file atomically: the new text is checked to be
 * a valid scenario, written to a temporary sibling and renamed over the file, so the file is the
 * old one or the new one, never a part, and is untouched on any error.
 */
import { accessSync, constants, lstatSync, realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import type { RawDistribution } from '../fit/scenarioFailures.js';
import { flow } from '../report/fit/failuresYaml.js';
import { parseScenario } from '../scenario/index.js';
import { writeFileAtomically } from './atomicFile.js';
import { InputError } from './errors.js';
import { readInputFile } from './inputFile.js';
import { showPath } from './outputPaths.js';

export type FittedFailures = Readonly<Record<string, { readonly mttf: RawDistribution; readonly mttr: RawDistribution }>>;

export interface IntoPlan {
  /** The real file written (a symbolic link is followed, so the link stays a link). */
  readonly path: string;
  readonly text: string;
  /** Clusters that set their own failures for a fitted role, which override spec.failures there. */
  readonly overridden: readonly string[];
}

/**
 * Before any work: the scenario is a valid scenario, and both it and its folder are writable (a
 * rename would replace even a read-only file, which its owner meant to keep as it is). `access`
 * is injectable so that tests run as root can check the refusal.
 */
export function checkInto(file: string, access: (p: string) => void = (p) => accessSync(p, constants.W_OK)): void {
  if (file === '-') throw new InputError('--into: - (stdin) cannot be written back: give the scenario file to change');
  parseScenario(readInputFile(file), file);
  const path = realpathSync(file);
  for (const p of [path, dirname(path)]) {
    try {
      access(p);
    } catch {
      throw new InputError(`--into ${showPath(file)}: ${p === path ? 'the file' : 'its folder'} is not writable: refusing to replace it`);
    }
  }
}

/** Reads and checks the scenario and computes its new text; nothing is written. */
export function planInto(file: string, failures: FittedFailures): IntoPlan {
  const text = readInputFile(file);
  parseScenario(text, file); // the scenario must be valid before it is changed
  const path = realpathSync(file);
  const json = asJson(text);
  let next: string;
  let overridden: string[];
  if (json !== undefined) {
    const raw = json as { spec: Record<string, unknown> & { clusters?: { name?: string; failures?: Record<string, unknown> }[] } };
    raw.spec['failures'] = { ...(raw.spec['failures'] as object | undefined), ...failures };
    overridden = overrides(raw.spec.clusters ?? [], failures);
    next = `${JSON.stringify(raw, null, 2)}\n`;
  } else {
    const doc = parseDocument(text, { merge: true });
    for (const [role, entry] of Object.entries(failures)) {
      const path = ['spec', 'failures', role];
      const old = doc.getIn(path, true);
      const node = doc.createNode(entry);
      // The new entry takes the old one's style (one line or a block) and comments; a new role is one line.
      if (isMap(node)) {
        for (const p of node.items) flow(p.value as never);
        node.flow = isMap(old) ? old.flow === true : true;
        if (isMap(old)) {
          if (old.comment) node.comment = old.comment;
          if (old.commentBefore) node.commentBefore = old.commentBefore;
        }
      }
      doc.setIn(path, node);
    }
    overridden = overrides(clustersOf(doc), failures);
    next = doc.toString({ lineWidth: 0 });
  }
  try {
    parseScenario(next, file);
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new InputError(`--into ${showPath(file)}: the scenario with the fitted failures would not be valid (${why}); the file was left as it was`);
  }
  return { path, text: next, overridden };
}

/** Replaces the file whole or not at all (atomicFile.ts), keeping its permission bits. */
export async function writeInto(plan: IntoPlan): Promise<void> {
  await writeFileAtomically(plan.path, plan.text, { mode: lstatSync(plan.path).mode & 0o7777 });
}

/** The scenario as JSON when the file is JSON (it is then written back as JSON), else undefined: YAML. */
function asJson(text: string): unknown {
  if (!/^\s*\{/.test(text)) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function clustersOf(doc: Document): { name?: string; failures?: Record<string, unknown> }[] {
  const clusters = doc.getIn(['spec', 'clusters']);
  return isSeq(clusters) ? (clusters.toJSON() as { name?: string; failures?: Record<string, unknown> }[]) : [];
}

function overrides(clusters: readonly { name?: string; failures?: Record<string, unknown> }[], failures: FittedFailures): string[] {
  return clusters.flatMap((c) =>
    Object.keys(failures)
      .filter((role) => c.failures !== undefined && typeof c.failures === 'object' && Object.hasOwn(c.failures, role))
      .map((role) => `${c.name ?? '?'}/${role}`),
  );
}
