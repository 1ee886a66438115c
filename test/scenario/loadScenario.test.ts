/** Reading scenario files: unreadable files, JSON files, and the error's own message. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadScenario, ScenarioError } from '../../src/scenario/index.js';
import { withSpec } from './fixtures.js';

function problemsOfFile(path: string): string[] {
  try {
    loadScenario(path);
    return [];
  } catch (e) {
    if (e instanceof ScenarioError) return e.problems.map(formatProblem);
    throw e;
  }
}

describe('loadScenario', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubesim-scenario-'));

  it('should report a missing file as a problem of that file', () => {
    expect(problemsOfFile('scenarios/x.yaml')).toEqual(['scenarios/x.yaml: cannot read the file: no such file']);
  });

  it('should report a directory', () => {
    expect(problemsOfFile(dir)).toEqual([`${dir}: cannot read the file: it is a directory, not a regular file`]);
  });

  it('should read JSON files with the same rules and lines', () => {
    const path = join(dir, 'a.json');
    const doc = { apiVersion: 'kubesim/v1', kind: 'Scenario', metadata: { name: 'j' }, spec: { clusters: [{ name: 'p', model: 'single-server' }] } };
    writeFileSync(path, JSON.stringify(doc, null, 2));
    expect(loadScenario(path).clusters[0]!.controlPlane.nodes).toBe(1);
    writeFileSync(path, JSON.stringify({ ...doc, spec: { ...doc.spec, seed: 'x' } }, null, 2));
    expect(problemsOfFile(path)).toEqual([`${path}:14: spec.seed: expected a whole number from 0 to 9007199254740991, found "x"`]);
  });

  it('should keep the file name on the scenario and every problem in the message', () => {
    const path = join(dir, 'b.yaml');
    writeFileSync(path, withSpec('replications: 0\nclusters: []\n'));
    const problems = problemsOfFile(path);
    expect(problems).toEqual([
      `${path}:6: spec.replications: expected a whole number from 1 to 1000000, found 0`,
      `${path}:7: spec.clusters: expected a list of at least 1 and at most 1000 items, found an empty list`,
    ]);
    // The error's message is every problem, one per line; toThrow also fails when nothing throws.
    expect(() => loadScenario(path)).toThrow(expect.objectContaining({ name: 'ScenarioError', message: problems.join('\n') }));
    writeFileSync(path, withSpec('clusters: [{ name: p, model: multi-master }]\n'));
    expect(loadScenario(path).file).toBe(path);
  });
});
