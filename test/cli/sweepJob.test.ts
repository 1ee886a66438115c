/** deploy/sweep-job.yaml: its shard count is consistent, and its exact command lines run (scaled down) and merge. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { kubesim, ROOT } from './cli.js';
import { kubesimInProcess } from './inProcess.js';

interface Container {
  command: string[];
  args?: string[];
}
interface Doc {
  kind: string;
  metadata: { name: string };
  spec: { completionMode?: string; completions?: number; parallelism?: number; template: { spec: { containers: Container[]; initContainers?: Container[] } } };
}

const docs = parseAllDocuments(readFileSync(join(ROOT, 'deploy/sweep-job.yaml'), 'utf8')).map((d) => d.toJS() as Doc);
const shardJob = docs.find((d) => d.kind === 'Job' && d.spec.completionMode === 'Indexed')!;
const mergeJob = docs.find((d) => d.kind === 'Job' && d !== shardJob)!;
const shardLine = shardJob.spec.template.spec.containers[0]!.args![0]!;
const n = shardJob.spec.completions!;

describe('deploy/sweep-job.yaml', () => {
  it('should be an Indexed Job with completions = parallelism = the shard count of every command', () => {
    expect(shardJob.spec.parallelism).toBe(n);
    expect(shardLine).toContain(`--shard $((JOB_COMPLETION_INDEX + 1))/${n}`);
    const wait = mergeJob.spec.template.spec.initContainers![0]!.args![0]!;
    expect(wait).toContain(`-of-${n}.json`);
    expect(wait).toContain(`-ge ${n} ]`);
  });

  it('should run its shard commands and its merge as written (scaled down to 1 replication of 7 days)', async () => {
    // Arrange: the pods' paths mapped onto a temporary folder and the repository's scenario.
    const results = mkdtempSync(join(tmpdir(), 'kubesim-job-'));
    const local = (s: string) => s.replaceAll('/results', results).replaceAll('/scenario/', join(ROOT, 'scenarios/'));
    // Act: every shard, as its pod would run it (a later flag overrides an earlier one).
    for (let i = 1; i <= n; i++) {
      const line = local(shardLine.replace('$((JOB_COMPLETION_INDEX + 1))', String(i))).replace(/^exec node \/app\/dist\/cli\/main\.js\s+/, '');
      const r = kubesim([...line.split(/\s+/).filter((x) => x !== ''), '--replications', '1', '--horizon', '7d', '--jobs', '1']);
      expect(r.code, r.stderr).toBe(0);
    }
    const merge = mergeJob.spec.template.spec.containers[0]!.command.map(local);
    expect(merge.slice(0, 2)).toEqual(['node', '/app/dist/cli/main.js']);
    const m = await kubesimInProcess(merge.slice(2));
    // Assert
    expect(m.code, m.stderr).toBe(0);
    expect(m.stdout).toMatch(/etcd\.members\s+workers\.nodes\s+Tolerates/);
    expect(existsSync(join(results, 'etcd-sizing/report/summary.json'))).toBe(true);
  }, 300_000);
});
