/** Helpers for the scenario tests: small scenario texts and the problems they produce. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatProblem, parseScenario, ScenarioError, type Scenario } from '../../src/scenario/index.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** apiVersion, kind and metadata: 5 lines, so the first line of `spec:` content is line 6. */
export const HEAD = 'apiVersion: kubesim/v1\nkind: Scenario\nmetadata:\n  name: t\nspec:\n';

/** A scenario whose spec is the given YAML (written without indentation). */
export function withSpec(spec: string): string {
  return HEAD + spec.replace(/^(?=.)/gm, '  ');
}

/** The formatted problems of a text, or [] when it parses. */
export function problemsOf(text: string, file = 'x.yaml'): string[] {
  try {
    parseScenario(text, file);
    return [];
  } catch (e) {
    if (e instanceof ScenarioError) return e.problems.map(formatProblem);
    throw e;
  }
}

export function parse(text: string): Scenario {
  return parseScenario(text, 'x.yaml');
}

/**
 * Every shipped scenario (scenarios/ and its subfolders, but for scenarios/fit/, which holds the
 * outage records of `kubesim fit`'s samples): name relative to scenarios/, path, text.
 */
export function shippedScenarios(): { name: string; path: string; text: string }[] {
  const dir = `${ROOT}scenarios/`;
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => (f.endsWith('.yaml') || f.endsWith('.json')) && !f.startsWith('fit/'))
    .sort()
    .map((name) => ({ name, path: `${dir}${name}`, text: readFileSync(`${dir}${name}`, 'utf8') }));
}

export function schemaJson(): object {
  return JSON.parse(readFileSync(`${ROOT}schema/scenario.schema.json`, 'utf8')) as object;
}
