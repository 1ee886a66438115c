/**
 * deploy/: the manifests are valid Kubernetes objects (the API's own OpenAPI schemas, through the
 * kubernetes-models package), a failed shard ends the run instead of leaving the merge waiting, and
 * the Dockerfile builds from what its context holds into an image without devDependencies.
 * (That the Job's commands run and merge is test/cli/sweepJob.test.ts.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../cli/cli.js';

interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  spec: Record<string, unknown>;
}

const manifests = parseAllDocuments(readFileSync(join(ROOT, 'deploy/sweep-job.yaml'), 'utf8')).map((d) => d.toJS() as Manifest);

/** The kubernetes-models class of an object: `batch/v1` Job is kubernetes-models/batch/v1/Job. */
async function validate(m: Manifest): Promise<void> {
  // Resolved at run time by Node: vite cannot (and need not) analyse a specifier built from the manifest.
  const specifier = `kubernetes-models/${m.apiVersion}/${m.kind}`;
  const module = (await import(/* @vite-ignore */ specifier)) as Record<string, new (data: unknown) => { validate(): void }>;
  const Model = module[m.kind];
  if (Model === undefined) throw new Error(`kubernetes-models has no ${m.apiVersion} ${m.kind}`);
  new Model(m).validate();
}

describe('deploy/sweep-job.yaml against the Kubernetes schemas', () => {
  it('should hold the claim and the two Jobs', () => {
    expect(manifests.map((m) => `${m.apiVersion} ${m.kind} ${m.metadata.name}`)).toEqual([
      'v1 PersistentVolumeClaim kubesim-results',
      'batch/v1 Job kubesim-sweep',
      'batch/v1 Job kubesim-sweep-merge',
    ]);
  });

  it.each(manifests.map((m) => [`${m.kind} ${m.metadata.name}`, m] as const))('should validate %s', async (_, m) => {
    await expect(validate(m)).resolves.toBeUndefined();
  });

  // The schemas, as the API's OpenAPI, accept fields they do not know (only the server's strict
  // field validation refuses them), so the settings that matter are also read by name below.
  it('should refuse what the schemas refuse (the check is not vacuous)', async () => {
    // A count written as text, and a restart policy Kubernetes does not know.
    const job = structuredClone(manifests[1]!);
    job.spec['completions'] = 'four';
    await expect(validate(job)).rejects.toThrow();
    const claim = structuredClone(manifests[0]!);
    claim.spec['accessModes'] = 'ReadWriteMany';
    await expect(validate(claim)).rejects.toThrow();
  });
});

describe('deploy/sweep-job.yaml when something fails', () => {
  const [claim, shards, merge] = manifests as [Manifest, Manifest, Manifest];

  it('should retry each shard on its own and fail the sweep when one runs out of retries', () => {
    expect(shards.spec['completionMode']).toBe('Indexed');
    expect(shards.spec['backoffLimitPerIndex']).toBeGreaterThan(0);
    expect(shards.spec['maxFailedIndexes']).toBe(0);
  });

  it('should give the merge a deadline beyond the shards', () => {
    // The merge waits for files a failed shard never writes: only its deadline ends that wait.
    expect(shards.spec['activeDeadlineSeconds']).toBeGreaterThan(0);
    expect(merge.spec['activeDeadlineSeconds']).toBeGreaterThan(shards.spec['activeDeadlineSeconds'] as number);
  });

  it('should name a storage class for the ReadWriteMany claim, with a note to change it', () => {
    expect(claim.spec['accessModes']).toEqual(['ReadWriteMany']);
    expect(claim.spec['storageClassName']).toMatch(/^[a-z0-9-]+$/);
    expect(readFileSync(join(ROOT, 'deploy/sweep-job.yaml'), 'utf8')).toMatch(/# CHANGE to a class of your cluster[^\n]*\n( *#[^\n]*\n)* *storageClassName:/);
  });
});

describe('deploy/Dockerfile', () => {
  const dockerfile = readFileSync(join(ROOT, 'deploy/Dockerfile'), 'utf8');
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#'));
  /** The build-context paths a stage copies (not those --from another stage). */
  const copied = (stage: string) => [...stage.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => m[1]!.split(/\s+/));

  it('should copy only files that exist and that .dockerignore lets into the context', () => {
    const paths = stages.flatMap(copied);
    expect(paths.length).toBeGreaterThan(5);
    expect(paths.filter((p) => !existsSync(join(ROOT, p)))).toEqual([]);
    expect(paths.filter((p) => ignored.includes(p.split('/')[0]!))).toEqual([]);
  });

  it('should give the build stage every file `npm run build` runs', () => {
    const build = stages.find((s) => s.includes('RUN npm run build'))!;
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const needed = [...scripts['build']!.matchAll(/\b(scripts\/[\w.-]+|tsconfig\.json)/g)].map((m) => m[1]!.split('/')[0]!);
    expect(needed).toContain('scripts');
    expect(needed.filter((p) => !copied(build).includes(p))).toEqual([]);
  });

  it('should build an image whose node_modules holds the runtime dependencies only', () => {
    // The last stage takes node_modules from a stage that installed with --omit=dev.
    const image = stages.at(-1)!;
    const from = /^COPY --from=(\S+) \/app\/node_modules/m.exec(image)?.[1];
    const source = stages.find((s) => s.startsWith(`node:20-slim AS ${from}\n`) || s.includes(` AS ${from}\n`));
    expect(source).toMatch(/npm ci --omit=dev/);
    expect(image).not.toMatch(/npm (ci|install)/);
  });
});
