/**
 * Scenario documents for the fuzzer: valid small ones (test/scenario/arbitraries.ts), the same
 * with hostile names, with edge distributions, with a few leaves replaced by hostile values, and
 * documents that are hostile throughout. Random failures stay bounded (a mean time to failure of
 * ten minutes at least) so that no generated case can be an event storm by design.
 */
import fc from 'fast-check';
import { arbRawScenario } from '../../scenario/arbitraries.js';
import { arbDeep, arbHostileName, arbHostileValue, arbOddText, PROTOTYPE_NAMES } from './hostileValues.js';

type Doc = Record<string, unknown>;
type Node = Record<string, unknown> | unknown[];

/** A valid scenario of one day with one or two replications. */
export const arbValidDoc: fc.Arbitrary<Doc> = fc.tuple(arbRawScenario, fc.integer({ min: 1, max: 2 })).map(([raw, replications]) => {
  const doc = structuredClone(raw);
  (doc['spec'] as Doc)['replications'] = replications;
  return doc;
});

/** Every string in `doc` equal to `from`, or starting with `from/` (a component name), renamed to `to`. */
export function rename(doc: unknown, from: string, to: string): unknown {
  if (typeof doc === 'string') return doc === from ? to : doc.startsWith(`${from}/`) ? `${to}${doc.slice(from.length)}` : doc;
  if (Array.isArray(doc)) return doc.map((v) => rename(v, from, to));
  if (doc !== null && typeof doc === 'object') {
    const out: Doc = {};
    for (const [k, v] of Object.entries(doc)) Object.defineProperty(out, k, { value: rename(v, from, to), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return doc;
}

/** The names a generated valid scenario uses, each renamable throughout. */
const RENAMABLE = ['prod', 'edge', 'mgmt', 'host', 'member-a', 'member-b', 'dc-a', 'dc-b', 'dc-c', 'team-a', 'team-b', 'web', 'generated'];

/** A valid scenario whose clusters, datacenters, tenants, workloads or own name were renamed to hostile names. */
export const arbHostileNamesDoc: fc.Arbitrary<Doc> = fc
  .tuple(arbValidDoc, fc.array(fc.tuple(fc.constantFrom(...RENAMABLE), arbHostileName), { minLength: 1, maxLength: 3 }))
  .map(([doc, renames]) => renames.reduce<unknown>((d, [from, to]) => rename(d, from, to), doc) as Doc);

/** Repair-time distributions at the edges of their parameters (tiny Weibull shapes, wide lognormals, zero repairs). */
const arbEdgeRepair = fc.oneof(
  fc.constantFrom(0.001, 0.01, 0.1, 0.5, 1, 5, 50).map((shape) => ({ weibull: { shape, scale: '1h' } })),
  fc.constantFrom(0, 0.1, 1, 4, 8, 20, 50).map((sigma) => ({ lognormal: { median: '1h', sigma } })),
  fc.constantFrom<unknown>({ fixed: '0s' }, { fixed: 0 }, { fixed: '1h' }, { uniform: { min: '0s', max: '1h' } }, { uniform: { min: '1h', max: '1h' } }, { exponential: { mean: '1ms' } }, '1ms', 1e-300),
);

/** Failure times with means of ten minutes or more, in every form the format has. */
const arbBoundedFailure = fc.oneof(
  fc.constantFrom<unknown>('10m', '1h', '3d', '100y', 600, { exponential: { mean: '2h' } }, { fixed: '6h' }, { uniform: { min: '1h', max: '2h' } }),
  fc.constantFrom(0.5, 1, 3).map((shape) => ({ weibull: { shape, scale: '5h' } })),
  fc.constantFrom(0.1, 1, 2).map((sigma) => ({ lognormal: { median: '5h', sigma } })),
);

/** A valid scenario whose random failures use edge distributions (repairs) and other bounded forms (failures). */
export const arbEdgeDistributionsDoc: fc.Arbitrary<Doc> = fc
  .tuple(arbValidDoc, fc.array(fc.tuple(fc.constantFrom('controlPlane', 'etcd', 'worker', 'loadBalancer'), arbBoundedFailure, arbEdgeRepair), { minLength: 1, maxLength: 3 }))
  .map(([doc, edits]) => {
    const spec = doc['spec'] as Doc;
    const failures = { ...(spec['failures'] as Doc) };
    for (const [role, mttf, mttr] of edits) failures[role] = { mttf, mttr };
    spec['failures'] = failures;
    return doc;
  });

/** Every (container, key) in a document, root first. */
function slots(root: unknown): { parent: Node; key: string | number }[] {
  const out: { parent: Node; key: string | number }[] = [];
  const walk = (node: unknown, depth: number) => {
    if (depth > 50) return;
    if (Array.isArray(node)) node.forEach((v, i) => (out.push({ parent: node, key: i }), walk(v, depth + 1)));
    else if (node !== null && typeof node === 'object') {
      for (const k of Object.keys(node)) {
        out.push({ parent: node as Doc, key: k });
        walk((node as Doc)[k], depth + 1);
      }
    }
  };
  walk(root, 0);
  return out;
}

const arbEdit = fc.record({
  how: fc.constantFrom('replace', 'replace', 'replace', 'delete', 'unknownKey'),
  at: fc.nat(),
  key: fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES, 'mtff', 'replica', 'x-extra', ''), fc.string({ maxLength: 8 })),
  value: arbHostileValue,
});

/**
 * A valid scenario with one to three edits: a leaf replaced by a hostile value, a key deleted,
 * or an unknown key added. Leaves under `failures` that would make an event storm (a tiny time
 * to failure) are the known bug of issue 12 item 1 and are tested there, so edits keep out of
 * `mttf`.
 */
export const arbNearValidDoc: fc.Arbitrary<Doc> = fc.tuple(fc.oneof(arbValidDoc, arbHostileNamesDoc, arbEdgeDistributionsDoc), fc.array(arbEdit, { minLength: 1, maxLength: 3 })).map(([raw, edits]) => {
  const doc = structuredClone(raw);
  for (const e of edits) {
    const all = slots(doc).filter((s) => s.key !== 'mttf');
    if (all.length === 0) break;
    const { parent, key } = all[e.at % all.length]!;
    const p = parent as Record<string | number, unknown>;
    if (e.how === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete p[key];
    } else if (e.how === 'unknownKey' && p[key] !== null && typeof p[key] === 'object' && !Array.isArray(p[key])) {
      Object.defineProperty(p[key], e.key, { value: e.value, enumerable: true, writable: true, configurable: true });
    } else {
      p[key] = e.value;
    }
  }
  return doc;
});

/** Documents hostile throughout: random JSON, a scenario-shaped skeleton with wrong types, deep nesting. */
export const arbHostileDoc: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.record({
    apiVersion: fc.oneof(fc.constant('kubesim/v1'), arbHostileValue),
    kind: fc.oneof(fc.constant('Scenario'), arbHostileValue),
    metadata: fc.oneof(fc.record({ name: fc.oneof(arbHostileName, arbHostileValue) }), arbHostileValue),
    spec: fc.oneof(
      fc.record({ horizon: fc.oneof(arbOddText, arbHostileValue), clusters: fc.oneof(arbHostileValue, fc.array(fc.record({ name: arbHostileName, model: arbHostileValue }), { maxLength: 3 })) }, { requiredKeys: [] }),
      arbHostileValue,
    ),
  }),
  arbDeep,
);
