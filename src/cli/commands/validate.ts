/** `kubesim validate`: checks files and reports every problem of every file, one per line, and advice on valid ones. */
import { parseScenario, scenarioAdvice } from '../../scenario/index.js';
import { ScenarioError, type Problem } from '../../scenario/ScenarioError.js';
import { readInputFile } from '../inputFile.js';

export function validateCommand(files: string[]): void {
  const problems: Problem[] = [];
  for (const f of files) {
    try {
      const s = parseScenario(readInputFile(f), f);
      process.stdout.write(`${f}: ok (${s.clusters.length} cluster${s.clusters.length === 1 ? '' : 's'}, ${s.faults.length} scripted fault${s.faults.length === 1 ? '' : 's'})\n`);
      // Advice is not an error: allowed choices (often made on purpose, to teach) worth a look.
      for (const a of scenarioAdvice(s)) process.stdout.write(`${f}: advice: ${a.path}: ${a.message}\n`);
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      problems.push(...e.problems);
    }
  }
  if (problems.length > 0) throw new ScenarioError(problems);
}
