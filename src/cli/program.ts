/** The commander program: every command, its flags and its help text. */
import { Command, Option } from 'commander';
import { KUBESIM_VERSION } from '../experiment/aggregate.js';
import { runCommand } from './commands/run.js';
import { validateCommand } from './commands/validate.js';
import { modelsCommand } from './commands/models.js';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('kubesim')
    .description('Discrete-event simulator of Kubernetes cluster availability: Raft quorum, API availability and cost under failures.')
    .version(KUBESIM_VERSION)
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({ outputError: () => {} });

  program
    .command('run')
    .description('simulate scenarios and write their reports')
    .argument('<scenario...>', 'scenario files (YAML or JSON)')
    .option('--seed <n>', 'override the scenario seed')
    .option('--replications <n>', 'override the number of replications')
    .option('--horizon <duration>', 'override the simulated time of one replication (e.g. 30d, 1y)')
    .option('--out <dir>', 'report directory (default reports/<scenario-name>)')
    .option('--json', 'print the summary JSON to stdout and nothing else')
    .option('--no-report', 'do not write report files')
    .addOption(new Option('--jobs <n>', 'worker threads (default: the number of cores)'))
    .action(runCommand);

  program
    .command('validate')
    .description('check scenario files and print every problem, one per line')
    .argument('<scenario...>', 'scenario files')
    .action(validateCommand);

  program
    .command('models')
    .description('the deployment models and what each guarantees, measured by simulation')
    .option('--json', 'print the table as JSON')
    .action(modelsCommand);

  return program;
}
