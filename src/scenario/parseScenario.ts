/** Reads a scenario from text or from a file: parse, then validate into a typed Scenario. */
import { readFileSync } from 'node:fs';
import { parseScenarioDocument } from './parseScenarioDocument.js';
import type { Scenario } from './Scenario.js';
import { ScenarioError } from './ScenarioError.js';
import { scenarioFromRaw } from './scenarioFromRaw.js';

/** Parses YAML or JSON text; `file` names it in messages. Throws ScenarioError with every problem. */
export function parseScenario(text: string, file: string): Scenario {
  return scenarioFromRaw(parseScenarioDocument(text, file), file);
}

/** Reads and parses a scenario file; an unreadable file is a ScenarioError too. */
export function loadScenario(path: string): Scenario {
  return parseScenario(readScenarioFile(path), path);
}

/** The text of a scenario file, or a ScenarioError that says why it cannot be read. */
export function readScenarioFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new ScenarioError([{ file: path, path: '', message: `cannot read the file: ${reason(e)}` }]);
  }
}

function reason(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}
