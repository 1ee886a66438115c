/** The schema of a partial file's job: the command, its scenario texts and every flag that shapes the result. */
import { MAX_REPLICATIONS } from '../../../scenario/defaults.js';
import { array, fail, first, isRecord, number, object, string, type Problem } from './check.js';

export function checkJob(v: unknown, path: string): Problem {
  const command = isRecord(v) ? v['command'] : undefined;
  if (command !== 'run' && command !== 'sweep') return first(() => object(v, path, ['command'], ['scenarios', 'scenario', 'overrides', 'parameters', 'objectives', 'precision']), () => fail(`${path}.command`, '"run" or "sweep"', command));
  const j = v as Record<string, unknown>;
  const common = [() => checkOverrides(j['overrides'], `${path}.overrides`), () => (j['precision'] === undefined ? undefined : checkPrecision(j['precision'], `${path}.precision`))];
  if (command === 'run') {
    return first(
      () => object(v, path, ['command', 'scenarios', 'overrides'], ['precision']),
      () => array(j['scenarios'], `${path}.scenarios`, checkSource),
      () => ((j['scenarios'] as unknown[]).length === 0 ? `${path}.scenarios: expected at least one scenario, found none` : undefined),
      ...common,
    );
  }
  return first(
    () => object(v, path, ['command', 'scenario', 'overrides', 'parameters', 'objectives'], ['precision']),
    () => checkSource(j['scenario'], `${path}.scenario`),
    ...common,
    () => array(j['parameters'], `${path}.parameters`, checkParameter),
    () => checkObjectives(j['objectives'], `${path}.objectives`),
  );
}

/** A scenario file as the shard read it: its name and whole text. */
function checkSource(v: unknown, path: string): Problem {
  return first(
    () => object(v, path, ['file', 'text']),
    () => string((v as Record<string, unknown>)['file'], `${path}.file`, true),
    () => string((v as Record<string, unknown>)['text'], `${path}.text`),
  );
}

/**
 * --seed, --replications and --horizon with the ranges the flags and a scenario file accept
 * (overrides.ts): a forged count of a billion replications is refused here, before merge
 * allocates anything per replication.
 */
function checkOverrides(v: unknown, path: string): Problem {
  return first(
    () => object(v, path, [], ['seed', 'replications', 'horizon', 'ignoreFaults']),
    () => {
      const o = v as Record<string, unknown>;
      return first(
        () => (o['seed'] === undefined ? undefined : number(o['seed'], `${path}.seed`, { min: 0, max: Number.MAX_SAFE_INTEGER, whole: true })),
        () => (o['replications'] === undefined ? undefined : number(o['replications'], `${path}.replications`, { min: 1, max: MAX_REPLICATIONS, whole: true })),
        () => (o['horizon'] === undefined || (typeof o['horizon'] === 'number' && o['horizon'] > 0 && Number.isFinite(o['horizon'])) ? undefined : fail(`${path}.horizon`, 'a number of seconds above 0', o['horizon'])),
        () => (o['ignoreFaults'] === undefined || o['ignoreFaults'] === true ? undefined : fail(`${path}.ignoreFaults`, 'true (or no field)', o['ignoreFaults'])),
      );
    },
  );
}

/** A swept path and its values, as --set gave them (numbers, strings or booleans). */
function checkParameter(v: unknown, path: string): Problem {
  const value = (x: unknown, p: string): Problem => (typeof x === 'string' || typeof x === 'boolean' || (typeof x === 'number' && Number.isFinite(x)) ? undefined : fail(p, 'a number, string or boolean', x));
  return first(
    () => object(v, path, ['path', 'values']),
    () => string((v as Record<string, unknown>)['path'], `${path}.path`, true),
    () => array((v as Record<string, unknown>)['values'], `${path}.values`, value),
    () => (((v as Record<string, unknown>)['values'] as unknown[]).length === 0 ? `${path}.values: expected at least one value, found none` : undefined),
  );
}

function checkObjectives(v: unknown, path: string): Problem {
  const objective = (x: unknown, p: string): Problem =>
    first(
      () => object(x, p, ['signal', 'targetPercent']),
      () => string((x as Record<string, unknown>)['signal'], `${p}.signal`, true),
      () => number((x as Record<string, unknown>)['targetPercent'], `${p}.targetPercent`, { min: 0, max: 100 }),
    );
  return first(
    () => object(v, path, ['availability', 'maxWriteP99Ms']),
    () => array((v as Record<string, unknown>)['availability'], `${path}.availability`, objective),
    () => {
      const ms = (v as Record<string, unknown>)['maxWriteP99Ms'];
      return ms === null ? undefined : number(ms, `${path}.maxWriteP99Ms`, { min: 0 });
    },
  );
}

/** An adaptive run's target as --precision and its caps give it (no wall-clock cap: shards refuse --max-time). */
function checkPrecision(v: unknown, path: string): Problem {
  return first(
    () => object(v, path, ['relative', 'signals', 'maxReplications', 'maxEpisodes'], ['rareEvents']),
    () => {
      const t = v as Record<string, unknown>;
      const r = t['relative'];
      return first(
        () => (typeof r === 'number' && r > 0 && r < 1 ? undefined : fail(`${path}.relative`, 'a number above 0 and below 1', r)),
        () => number(t['maxReplications'], `${path}.maxReplications`, { min: 1, whole: true }),
        () => number(t['maxEpisodes'], `${path}.maxEpisodes`, { min: 1, whole: true }),
        () => array(t['signals'], `${path}.signals`, (x, p) => string(x, p, true), undefined, 'a list of signal names'),
        () => ((t['signals'] as unknown[]).length === 0 ? `${path}.signals: expected a list of signal names, found none` : undefined),
        () => (t['rareEvents'] === undefined || typeof t['rareEvents'] === 'boolean' ? undefined : fail(`${path}.rareEvents`, 'true or false', t['rareEvents'])),
      );
    },
  );
}
