/** The commander program: every command, its flags and its help text. */
import { Command, Option } from 'commander';
import { KUBESIM_VERSION } from '../experiment/aggregate.js';
import { runCommand } from './commands/run.js';
import { validateCommand } from './commands/validate.js';
import { modelsCommand } from './commands/models.js';
import { explainCommand } from './commands/explain.js';

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

  program
    .command('explain')
    .description('narrate one replication step by step (who crashed, quorum, leader, signals), then chart it: for teaching')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .option('--replication <k>', 'which replication, numbered from 0 as in reports (default 0)')
    .option('--seed <n>', 'override the scenario seed')
    .option('--from <time>', 'start of the window to narrate, as a time since the start (e.g. 10m)')
    .option('--to <time>', 'end of the window to narrate (default: the horizon)')
    .option('--step', 'wait for Enter between steps (b goes back, q quits); only when stdin is a terminal')
    .option('--json', 'print the steps as JSON lines and nothing else')
    .option('--ascii', 'draw the strip chart with ASCII characters (the default when the locale is not UTF-8)')
    .option('--width <n>', 'columns of the strip chart (default: fit the terminal)')
    .action(explainCommand);

  return program;
}
