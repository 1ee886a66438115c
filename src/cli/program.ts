/** The commander program: every command, its flags and its help text. */
import { Command, Option } from 'commander';
import { checkOutputFlags, outputOption } from './outputFormat.js';
import { checkPathFlags } from './pathFlags.js';
import { withExamples } from './helpExamples.js';
import { KUBESIM_VERSION } from '../experiment/version.js';
import { DEFAULT_LAB_FILE, DEFAULT_LAB_PORT } from './labDefaults.js';
import { DEFAULT_MAX_EPISODES, DEFAULT_MAX_REPLICATIONS, WORK_BUDGET_TEXT } from './precisionDefaults.js';

// Each command's module is imported when the command runs: mathjs (analytic) and the chart
// libraries (reports) cost seconds to load, and `validate` needs none of them.

/** A command action that imports its module on first use and runs its named export. */
function lazy<K extends string>(load: () => Promise<{ [P in K]: (...args: never[]) => unknown }>, name: K) {
  return async (...args: unknown[]): Promise<void> => {
    const action = (await load())[name] as unknown as (...a: unknown[]) => unknown;
    await action(...args);
  };
}

/** Accumulates a repeatable option's values. */
function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** The adaptive-run options, the same on run, compare and sweep. */
function withPrecision(command: Command): Command {
  return command
    .option('--precision <percent>', 'keep simulating until each of --signals has a relative 95% half-width of at most this, e.g. 10%')
    .option('--signals <names>', 'with --precision: the signals that must reach it, comma-separated (default apiWrite; sweep: the --slo signals)')
    .option('--max-replications <n>', `with --precision: stop after this many replications (default ${DEFAULT_MAX_REPLICATIONS})`)
    .option('--max-episodes <n>', `with --precision: stop after this many rare-event episodes (default ${DEFAULT_MAX_EPISODES})`)
    .option('--max-time <duration>', 'with --precision: stop after this much wall-clock time per scenario, between batches (e.g. 10m)')
    .option('--no-rare-events', 'with --precision: keep every signal with the naive method, however rare its outages');
}

/** The work budget (docs/limits.md), on every command that simulates. */
const MAX_WORK: [string, string] = ['--max-work <events>', `the work budget: runs whose estimate passes it are refused before they start (default ${WORK_BUDGET_TEXT} events; docs/limits.md)`];

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('kubesim')
    .description('Discrete-event simulator of Kubernetes cluster availability: Raft quorum, API availability and cost under failures.')
    .version(KUBESIM_VERSION)
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({ outputError: () => {} })
    // -o is checked, and --json set from it, before any command runs (outputFormat.ts); so are
    // empty path flags (pathFlags.ts).
    .hook('preAction', (_program, command) => {
      checkOutputFlags(command);
      checkPathFlags(command);
    });

  // The adaptive-run options come last in the help, after the command's own.
  withPrecision(
    program
      .command('run')
      .description('simulate scenarios and write their reports')
      .argument('<scenario...>', 'scenario files (YAML or JSON)')
      .option('--seed <n>', 'override the scenario seed')
      .option('--replications <n>', 'override the number of replications')
      .option('--horizon <duration>', 'override the simulated time of one replication (e.g. 30d, 1y)')
      .option('--ignore-faults', 'random failures only: drop the scenario\'s scripted faults (the summary is named <name>-without-faults)')
      .option('--fault-cost', 'what each scripted fault cost: run every replication again without each fault, on the same random numbers (docs/fault-cost.md)')
      .option('--out <dir>', 'report directory (default reports/<scenario-name>)')
      .addOption(outputOption('with the longest outage, the outages seen and the estimator of each signal'))
      .option('--json', 'print the summary JSON to stdout and nothing else (the same as -o json)')
      .option('--no-report', 'do not write report files')
      .addOption(new Option('--jobs <n>', 'worker threads (default: the number of cores)'))
      .option('--shard <i/n>', 'run only the i-th of n slices of the replications and write a partial result for `kubesim merge`')
      .option(...MAX_WORK)
      .action(lazy(() => import('./commands/run.js'), 'runCommand')),
  );

  withPrecision(
    program
      .command('sweep')
      .description('run a grid of --set values with the same seed; availability, etcd write latency, cost and a recommendation')
      .argument('<scenario>', 'scenario file (YAML or JSON)')
      .option('--set <path=values>', 'a path and its comma-separated values, e.g. etcd.members=1,3,5 (repeatable: the grid is every combination)', collect)
      .option('--slo <signal=percent>', 'an availability objective, e.g. apiWrite=99.99 (repeatable)', collect)
      .option('--max-write-p99 <duration>', 'a write-latency objective for every cluster, e.g. 100ms')
      .option('--seed <n>', 'override the scenario seed')
      .option('--replications <n>', 'override the number of replications per point')
      .option('--horizon <duration>', 'override the simulated time of one replication')
      .option('--jobs <n>', 'worker threads (default: the number of cores)')
      .option('--out <dir>', 'report directory (default reports/<scenario-name>-sweep); with --shard, where the partial result goes')
      .addOption(outputOption('with write p50, downtime and outages per year of each point'))
      .option('--json', 'print the sweep summary JSON to stdout and nothing else (the same as -o json)')
      .option('--no-report', 'do not write report files')
      .option('--shard <i/n>', 'run only the i-th of n slices of the (point, replication) pairs and write a partial result')
      .option(...MAX_WORK)
      .action(lazy(() => import('./commands/sweep.js'), 'sweepCommand')),
  );

  program
    .command('merge')
    .description('combine the partial results of every shard (files or folders) into the summary and report of a single run')
    .argument('<partials...>', 'partial result files, or folders holding *.shard-<i>-of-<n>.json')
    .option('--out <dir>', 'report directory (default: as the unsharded command)')
    .addOption(outputOption('as run or sweep gives it'))
    .option('--json', 'print the summary JSON to stdout and nothing else (the same as -o json)')
    .option('--no-report', 'do not write report files (merged runs)')
    .action(lazy(() => import('./commands/merge.js'), 'mergeCommand'));

  program
    .command('validate')
    .description('check scenario files and print every problem, one per line')
    .argument('<scenario...>', 'scenario files, or - for stdin')
    .addOption(outputOption('with each valid file\'s replications, horizon and seed'))
    .option('--json', 'print {valid, files, problems} as JSON to stdout (the same as -o json); exit 2 when a file is not valid')
    .action(lazy(() => import('./commands/validate.js'), 'validateCommand'));

  withPrecision(
    program
      .command('compare')
      .description('simulate several scenarios and report them side by side, with the seed\'s properties measured')
      .argument('<scenario...>', 'two or more scenario files')
      .option('--seed <n>', 'override every scenario\'s seed')
      .option('--replications <n>', 'override the number of replications')
      .option('--horizon <duration>', 'override the simulated time of one replication')
      .option('--ignore-faults', 'random failures only: drop every scenario\'s scripted faults')
      .option('--out <dir>', 'report directory (default reports/compare)')
      .addOption(outputOption('with downtime and outages per year, and the replications'))
      .option('--json', 'print [{label, summary}] as JSON to stdout and nothing else (the same as -o json)')
      .option('--no-report', 'do not write report files')
      .option('--jobs <n>', 'worker threads (default: the number of cores)')
      .option(...MAX_WORK)
      .action(lazy(() => import('./commands/compare.js'), 'compareCommand')),
  );

  program
    .command('analytic')
    .description('the exact steady-state answer (closed forms, enumeration, Markov chain) beside the simulated one')
    .argument('<scenario>', 'scenario file')
    .option('--seed <n>', 'override the scenario seed')
    .option('--replications <n>', 'override the number of replications')
    .option('--horizon <duration>', 'override the simulated time of one replication')
    .option('--jobs <n>', 'worker threads (default: the number of cores)')
    .option('--route <route>', 'auto (closed forms where they apply), enumeration or ctmc', 'auto')
    .option('--any-distribution', 'answer steady-state availability for non-exponential distributions too (renewal theory)')
    .option('--ignore-faults', 'drop the scenario\'s scripted faults, from the analytic and the simulated side alike')
    .addOption(outputOption('with the trust verdict and outages per year of each simulated signal'))
    .option('--json', 'print the answers as JSON (the same as -o json)')
    .option(...MAX_WORK)
    .action(lazy(() => import('./commands/analytic.js'), 'analyticCommand'));

  program
    .command('fit')
    .description('fit time to failure and time to repair by role from outage records (CSV) or a Prometheus range query: the failures: block of a scenario')
    .argument('<file...>', 'CSV outage records (role or component, start, end or duration, cause) or Prometheus query_range JSON of 0/1 series')
    .option('--window-start <time>', 'start of the observation window, RFC 3339 or Unix seconds (default: the earliest start; Prometheus: the first sample)')
    .option('--window-end <time>', 'end of the observation window; open outages last until it (default: the latest end or start; Prometheus: the last sample)')
    .option('--role-label <label>', 'Prometheus: the label naming the role (default job)')
    .option('--component-label <label>', 'Prometheus: the label telling components apart (default instance)')
    .option('--map <name=role>', 'take a role, job or component name as a kubesim role, e.g. kube-etcd=etcd (repeatable)', collect)
    .option('--seed <n>', 'seed of the bootstrap streams (default 42)')
    .option('--bootstrap <n>', 'bootstrap samples of each goodness-of-fit test; 0 for none (default 200)')
    .option('--into <scenario>', 'write the fitted failures into spec.failures of this scenario, keeping its comments')
    .option('--out <dir>', 'write an HTML report (CDF and Q-Q charts) and fit.json into this folder')
    .option('--json', 'print the fits as JSON to stdout and nothing else')
    .option(...MAX_WORK)
    .action(lazy(() => import('./commands/fit.js'), 'fitCommand'));

  program
    .command('models')
    .description('the deployment models and what each guarantees, measured by simulation')
    .addOption(outputOption('the same as table: every reason is already shown'))
    .option('--json', 'print the table as JSON (the same as -o json)')
    .action(lazy(() => import('./commands/models.js'), 'modelsCommand'));

  program
    .command('explain')
    .description('narrate one replication step by step (who crashed, quorum, leader, signals), then chart it: for teaching')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .option('--replication <k>', 'which replication, numbered from 0 as in reports (default 0), or worst: the one with the most downtime of --signal')
    .option('--signal <name>', 'tell only the steps that move this signal or its causes (alone or as cluster/signal); with --replication worst, also the signal whose worst replication to pick (default apiWrite)')
    .option('--verbose', 'name every worker a step touches, instead of counting them by datacenter ("40 workers in dc-b")')
    .option('--jobs <n>', 'with --replication worst: worker threads for finding it (default: the number of cores)')
    .option('--seed <n>', 'override the scenario seed')
    .option('--from <time>', 'start of the window to narrate, as a time since the start (e.g. 10m)')
    .option('--to <time>', 'end of the window to narrate (default: the horizon)')
    .option('--step', 'wait for Enter between steps (b goes back, q quits); only when stdin is a terminal')
    .option('--json', 'print the steps as JSON lines and nothing else')
    .option('--ascii', 'draw the strip chart with ASCII characters (the default when the locale is not UTF-8)')
    .option('--width <n>', 'columns of the strip chart (default: fit the terminal)')
    .option(...MAX_WORK)
    .action(lazy(() => import('./commands/explain.js'), 'explainCommand'));

  program
    .command('import')
    .description('turn a real cluster into a scenario: `kubectl get nodes -o json` (and the kube-system pods) in, commented YAML out')
    .argument('<nodes>', 'the JSON of `kubectl get nodes -o json`, or - for stdin')
    .argument('[pods]', 'the JSON of `kubectl get pods -n kube-system -o json` (etcd static pods), or - for stdin')
    .option('--out <file>', 'write the scenario to this file (atomically) instead of stdout')
    .option('--force', 'with --out: replace an existing file')
    .option('--name <name>', 'the scenario\'s and the cluster\'s name (default imported)')
    .action(lazy(() => import('./commands/import.js'), 'importCommand'));

  program
    .command('lab')
    .description('the quorum lab: an interactive page to crash etcd members and cut the network, run by the model')
    .option('--out <file>', `where to write the page (default ${DEFAULT_LAB_FILE})`)
    .option('--serve', 'serve the page on http://127.0.0.1 instead (until Ctrl-C)')
    .option('--port <n>', `port for --serve (default ${DEFAULT_LAB_PORT}; 0 picks a free one)`)
    .option('--lesson <n>', 'open on a guided lesson: its number (1, 2, …) or its name (scenarios/lessons/)')
    .option('--scenario <file>', 'open on a scenario of your own, stepping through its scripted faults (or its lesson: block)')
    .action(lazy(() => import('./commands/lab.js'), 'labCommand'));

  program
    .command('completion')
    .description('print a shell completion script: commands, their flags, and scenario files (docs/conventions.md)')
    .argument('<shell>', 'bash, zsh or fish')
    .action(lazy(() => import('./commands/completion.js'), 'completionCommand'));

  return withExamples(program);
}
