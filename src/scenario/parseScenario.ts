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
    throw new ScenarioError([{ file: path, path: '', message: `cannot read the file: ${unreadableReason(e)}` }]);
  }
}

/** Why a file cannot be read, in words (the cause of a failed read or open: ENOENT, EACCES, EISDIR...). */
export function unreadableReason(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory, not a regular file';
    case 'ENXIO':
      return 'it is a socket or a device, not a regular file';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}
