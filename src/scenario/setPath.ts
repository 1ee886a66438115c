/** Sweep overrides: `etcd.members=5` applied to a raw document, then validated like the file itself. */
import { parseDocument } from 'yaml';
import { describeValue, didYouMean, listNames } from './_internals/describe.js';
import { attachLocator, locatorOf } from './_internals/locate.js';
import { formatPath } from './_internals/Path.js';
import { isRawObject } from './_internals/read.js';
import { deref, hasType, scenarioSchema, type SchemaNode } from './_internals/schema.js';
import { ScenarioError } from './ScenarioError.js';
import { quoteName, quoteValue } from '../kernel/quoteValue.js';

type Segment = { readonly key: string } | { readonly index: number } | { readonly all: true };

const ROOT_FIELDS = ['apiVersion', 'kind', 'metadata', 'spec'];
const PART = /^([A-Za-z_$][\w$-]*)((?:\[(?:\d+|\*)\])*)$/;

/**
 * Returns a copy of `raw` with `value` set at `path` (`raw` is not changed; the copy keeps the
 * lines of the text it was parsed from). A path that starts with a cluster field applies to
 * every cluster (`etcd.members` is `spec.clusters[*].etcd.members`); `clusters[1].etcd.members`,
 * a spec field (`horizon`, `raft.electionTimeout`) or a full path (`spec.horizon`,
 * `metadata.name`) applies exactly. A path the format does not have is a ScenarioError naming
 * it; `source` names the override in messages (default `--set`).
 */
export function setPath(raw: unknown, path: string, value: unknown, source = '--set'): unknown {
  const fail = (message: string): never => {
    throw new ScenarioError([{ file: source, path, message }]);
  };
  const segments = resolve(parseSegments(path) ?? fail(`expected a path like etcd.members, workers.nodes or spec.horizon, found ${quoteValue(path)}`), fail);
  checkAgainstSchema(segments, fail);
  if (!isRawObject(raw)) return fail(`cannot set a field: the document is ${describeValue(raw)}, not a scenario`);
  const copy = structuredClone(raw) as Record<string, unknown>;
  assign(copy, segments, 0, value, [], fail);
  attachLocator(copy, locatorOf(raw));
  return copy;
}

/**
 * Splits a sweep flag `path=v1,v2,...` into its path and values; each value is read as YAML
 * (`5` is a number, `true` a boolean, `30d` a string, `{ fixed: 1h }` an object).
 */
export function parseOverride(text: string, source = '--set'): { path: string; values: unknown[] } {
  const eq = text.indexOf('=');
  const path = text.slice(0, Math.max(eq, 0)).trim();
  const parts = eq < 0 ? [] : splitTopLevel(text.slice(eq + 1));
  if (path === '' || parts.length === 0 || parts.some((v) => v.trim() === '')) {
    throw new ScenarioError([{ file: source, path: '', message: `expected path=value[,value...] like etcd.members=3,5, found ${quoteValue(text)}` }]);
  }
  return { path, values: parts.map(readValue) };
}

function parseSegments(path: string): Segment[] | undefined {
  const out: Segment[] = [];
  for (const part of path.split('.')) {
    const m = PART.exec(part);
    if (m === null) return undefined;
    out.push({ key: m[1]! });
    for (const b of m[2]!.match(/\[(\d+|\*)\]/g) ?? []) {
      const inner = b.slice(1, -1);
      out.push(inner === '*' ? { all: true } : { index: Number(inner) });
    }
  }
  return out;
}

/** Adds the implied prefix: `spec.` for spec fields, `spec.clusters[*].` for cluster fields. */
function resolve(segments: Segment[], fail: (m: string) => never): Segment[] {
  const first = segments[0]!;
  if (!('key' in first) || ROOT_FIELDS.includes(first.key)) return segments;
  if (first.key === 'clusters') return [{ key: 'spec' }, ...segments];
  const cluster = Object.keys(deref(scenarioSchema().definitions!['cluster']!).properties ?? {});
  const spec = Object.keys(deref(scenarioSchema().properties!['spec']!).properties ?? {});
  if (cluster.includes(first.key)) return [{ key: 'spec' }, { key: 'clusters' }, { all: true }, ...segments];
  if (spec.includes(first.key)) return [{ key: 'spec' }, ...segments];
  const known = [...cluster, ...spec.filter((k) => !cluster.includes(k))];
  const mean = didYouMean(first.key, known);
  if (mean !== '') return fail(`unknown field ${quoteName(first.key)}${mean}`);
  return fail(
    `unknown field ${quoteName(first.key)}; a path starts with a cluster field (${listNames(cluster, 20)}), a spec field (${listNames(spec, 20)}), spec. or metadata.`,
  );
}

function checkAgainstSchema(segments: readonly Segment[], fail: (m: string) => never): void {
  let node: SchemaNode = scenarioSchema();
  let shown = '';
  for (const seg of segments) {
    const where = shown === '' ? 'the document' : shown;
    if ('key' in seg) {
      const props = node.properties ?? {};
      const next = Object.hasOwn(props, seg.key) ? props[seg.key] : undefined;
      if (next === undefined) {
        const known = Object.keys(props);
        if (known.length === 0) return fail(`${where} has no fields`);
        const mean = didYouMean(seg.key, known);
        return fail(`unknown field ${quoteName(seg.key)} in ${where}${mean === '' ? `; expected one of ${listNames(known, 20)}` : mean}`);
      }
      node = deref(next);
      shown = shown === '' ? seg.key : `${shown}.${seg.key}`;
    } else {
      if (!hasType(node, 'array') || node.items === undefined) return fail(`${where} is not a list`);
      node = deref(node.items);
      shown = `${shown}[${'index' in seg ? seg.index : '*'}]`;
    }
  }
}

function assign(node: unknown, segs: readonly Segment[], i: number, value: unknown, trail: readonly (string | number)[], fail: (m: string) => never): void {
  const seg = segs[i]!;
  const where = trail.length === 0 ? 'the document' : formatPath(trail);
  const step = (container: Record<string, unknown> | unknown[], k: string | number) => {
    const c = container as Record<string | number, unknown>;
    if (i === segs.length - 1) {
      c[k] = structuredClone(value);
      return;
    }
    let child = c[k];
    if (child === undefined) {
      if (!('key' in segs[i + 1]!)) fail(`${formatPath([...trail, k])} does not exist`);
      child = {};
      c[k] = child;
    }
    assign(child, segs, i + 1, value, [...trail, k], fail);
  };
  if ('key' in seg) {
    if (!isRawObject(node)) fail(`${where} is ${describeValue(node)}, not an object`);
    step(node as Record<string, unknown>, seg.key);
  } else if (!Array.isArray(node)) {
    fail(`${where} is ${describeValue(node)}, not a list`);
  } else if ('all' in seg) {
    if (node.length === 0) fail(`${where} is empty: there is nothing to set`);
    node.forEach((_, j) => step(node, j));
  } else {
    if (seg.index >= node.length) fail(`${formatPath([...trail, seg.index])} does not exist: ${where} has ${node.length} ${node.length === 1 ? 'item' : 'items'}`);
    step(node, seg.index);
  }
}

/** Splits on commas outside brackets, braces and quotes. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote !== undefined) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function readValue(text: string): unknown {
  const doc = parseDocument(text, { logLevel: 'error', prettyErrors: false });
  if (doc.errors.length > 0) return text.trim();
  try {
    return doc.toJS({ maxAliasCount: 100 }) as unknown;
  } catch {
    return text.trim();
  }
}
