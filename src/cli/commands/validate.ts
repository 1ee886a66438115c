/** `kubesim validate`: checks files and reports every problem of every file, one per line. */
import { loadScenario } from '../../scenario/index.js';
import { ScenarioError, type Problem } from '../../scenario/ScenarioError.js';

export function validateCommand(files: string[]): void {
  const problems: Problem[] = [];
  for (const f of files) {
    try {
      const s = loadScenario(f);
      process.stdout.write(`${f}: ok (${s.clusters.length} cluster${s.clusters.length === 1 ? '' : 's'}, ${s.faults.length} scripted fault${s.faults.length === 1 ? '' : 's'})\n`);
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      problems.push(...e.problems);
    }
  }
  if (problems.length > 0) throw new ScenarioError(problems);
}
