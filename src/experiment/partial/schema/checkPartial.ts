/** The schema of a whole partial file, checked before its checksum is trusted: the first problem, with its JSON path. */
import { MAX_SHARDS } from '../../shard.js';
import { array, first, number, object, string, type Problem } from './check.js';
import { checkReplicationDigest } from './checkDigest.js';
import { checkEpisodeDigest } from './checkEpisode.js';
import { checkJob } from './checkJob.js';
import { checkTaskTrace } from './checkTrace.js';

const FIELDS = ['format', 'kubesim', 'shard', 'job', 'digests', 'traces', 'episodes', 'checksum'];

/** Every field of a partial (format already checked): types, ranges, and lengths that follow from the job. */
export function checkPartial(v: unknown): Problem {
  return first(
    () => object(v, '(the document)', FIELDS),
    () => {
      const p = v as Record<string, unknown>;
      return first(
        () => string(p['kubesim'], 'kubesim', true),
        () => (typeof p['checksum'] === 'string' && /^sha256:[0-9a-f]{64}$/.test(p['checksum']) ? undefined : `checksum: expected "sha256:" and 64 hexadecimal digits, found ${describeChecksum(p['checksum'])}`),
        () => checkShard(p['shard']),
        () => checkJob(p['job'], 'job'),
        () => {
          const tasks = taskCount(p['job'] as Record<string, unknown>);
          return first(
            () => array(p['digests'], 'digests', (x, path) => array(x, path, checkReplicationDigest, undefined, 'an array of replication digests'), tasks, 'an array (one item per task)'),
            () => array(p['episodes'], 'episodes', (x, path) => array(x, path, checkEpisodeDigest, undefined, 'an array of episode digests'), tasks, 'an array (one item per task)'),
            () => array(p['traces'], 'traces', (x, path) => first(() => checkTaskTrace(x, path), () => number((x as { task: number }).task, `${path}.task`, { max: tasks - 1 }))),
          );
        },
      );
    },
  );
}

function describeChecksum(v: unknown): string {
  return typeof v === 'string' ? `"${v.slice(0, 20)}${v.length > 20 ? '...' : ''}"` : v === undefined ? 'nothing' : typeof v;
}

function checkShard(v: unknown): Problem {
  return first(
    () => object(v, 'shard', ['index', 'count']),
    () => number((v as Record<string, unknown>)['count'], 'shard.count', { min: 1, max: MAX_SHARDS, whole: true }),
    () => number((v as Record<string, unknown>)['index'], 'shard.index', { min: 1, max: (v as { count: number }).count, whole: true }),
  );
}

/** Tasks of a (checked) job: one per scenario of a run, one per grid point of a sweep. */
export function taskCount(job: Record<string, unknown>): number {
  if (job['command'] === 'run') return (job['scenarios'] as unknown[]).length;
  return (job['parameters'] as { values: unknown[] }[]).reduce((n, p) => n * p.values.length, 1);
}
