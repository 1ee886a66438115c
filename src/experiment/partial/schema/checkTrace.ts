/** The schema of a recorded replication (a trace, for the report's timeline) in a partial file. */
import { FAULT_KIND_NAMES } from '../../../scenario/index.js';
import { array, fail, first, number, object, string, type Problem } from './check.js';

const TIME = { min: 0 } as const;
const strings = (v: unknown, path: string) => array(v, path, (x, p) => string(x, p), undefined, 'an array of strings');
const flag = (v: unknown, path: string): Problem => (typeof v === 'boolean' ? undefined : fail(path, 'true or false', v));

/** `{ task, trace }`: the task the trace belongs to is checked against the job later. */
export function checkTaskTrace(v: unknown, path: string): Problem {
  return first(
    () => object(v, path, ['task', 'trace']),
    () => number((v as Record<string, unknown>)['task'], `${path}.task`, { min: 0, whole: true }),
    () => checkTrace((v as Record<string, unknown>)['trace'], `${path}.trace`),
  );
}

function checkTrace(v: unknown, path: string): Problem {
  return first(
    () => object(v, path, ['horizon', 'events', 'components', 'signals'], ['gaps', 'omitted']),
    () => {
      const t = v as Record<string, unknown>;
      return first(
        () => number(t['horizon'], `${path}.horizon`, { min: 0 }),
        () => strings(t['components'], `${path}.components`),
        () => strings(t['signals'], `${path}.signals`),
        () => array(t['events'], `${path}.events`, checkEvent),
        () => (t['gaps'] === undefined ? undefined : array(t['gaps'], `${path}.gaps`, checkGap)),
        () => (t['omitted'] === undefined ? undefined : checkOmitted(t['omitted'], `${path}.omitted`)),
      );
    },
  );
}

/** A span in which a bounded trace was paused (docs/limits.md, "Traces"). */
function checkGap(v: unknown, path: string): Problem {
  return first(
    () => object(v, path, ['start', 'end']),
    () => number((v as Record<string, unknown>)['start'], `${path}.start`, TIME),
    () => number((v as Record<string, unknown>)['end'], `${path}.end`, TIME),
  );
}

/** What a bounded trace left out: counts by event kind, and the limits it kept to. */
function checkOmitted(v: unknown, path: string): Problem {
  const count = { min: 0, whole: true } as const;
  return first(
    () => object(v, path, ['events', 'byKind', 'limits']),
    () => {
      const o = v as Record<string, unknown>;
      const byKind = o['byKind'];
      return first(
        () => number(o['events'], `${path}.events`, count),
        () => object(byKind, `${path}.byKind`, [], Object.keys(EVENT_FIELDS)),
        () => first(...Object.keys(byKind as object).map((k) => () => number((byKind as Record<string, unknown>)[k], `${path}.byKind.${k}`, count))),
        () => object(o['limits'], `${path}.limits`, ['free', 'max']),
        () => number((o['limits'] as Record<string, unknown>)['free'], `${path}.limits.free`, count),
        () => number((o['limits'] as Record<string, unknown>)['max'], `${path}.limits.max`, count),
      );
    },
  );
}

/** Each event kind's fields besides `t` and `kind` (Trace.ts). */
const EVENT_FIELDS: Record<string, readonly string[]> = {
  component: ['name', 'up', 'cause'],
  datacenter: ['name', 'up', 'cause'],
  partition: ['groups', 'active'],
  leader: ['cluster', 'leader', 'term', 'reason'],
  signal: ['key', 'up'],
  fault: ['fault', 'text'],
  note: ['text'],
};

function checkEvent(v: unknown, path: string): Problem {
  const kind = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)['kind'] : undefined;
  const fields = typeof kind === 'string' && Object.hasOwn(EVENT_FIELDS, kind) ? EVENT_FIELDS[kind]! : undefined;
  if (fields === undefined) return first(() => object(v, path, ['t', 'kind']), () => fail(`${path}.kind`, `one of ${Object.keys(EVENT_FIELDS).join(', ')}`, kind));
  const e = v as Record<string, unknown>;
  return first(
    () => object(v, path, ['t', 'kind', ...fields]),
    () => number(e['t'], `${path}.t`, TIME),
    () => first(...fields.map((f) => () => checkEventField(f, e[f], `${path}.${f}`))),
  );
}

function checkEventField(field: string, v: unknown, path: string): Problem {
  switch (field) {
    case 'up':
    case 'active':
      return flag(v, path);
    case 'term':
      return number(v, path, { min: 0, whole: true });
    case 'leader':
      return v === null ? undefined : string(v, path, true);
    case 'groups':
      return array(v, path, strings, undefined, 'an array of arrays of strings');
    case 'fault':
      return typeof v === 'string' && (FAULT_KIND_NAMES as readonly string[]).includes(v) ? undefined : fail(path, `one of ${FAULT_KIND_NAMES.join(', ')}`, v);
    default:
      return string(v, path, field === 'name' || field === 'cluster' || field === 'key');
  }
}
