/** The Examples section at the end of every command's --help (and of `kubesim --help`), from one table that a test parses through the program. */
import type { Command } from 'commander';

/** One example: the arguments after `kubesim`, what it does, and any shell around it (a pipe in front, a redirect after). */
export interface HelpExample {
  readonly args: string;
  readonly what: string;
  readonly before?: string;
  readonly after?: string;
}

/** By command name; '' is the program itself. Arguments are split on spaces (no quoting), so that the test can parse them. */
export const HELP_EXAMPLES: Readonly<Record<string, readonly HelpExample[]>> = {
  '': [
    { args: 'run scenarios/default.yaml', what: 'simulate a scenario: the summary here, the report in reports/ha-three-dcs/ (its metadata.name)' },
    { args: 'validate scenarios/default.yaml', what: 'check a scenario without running it' },
    { args: 'run --help', what: 'every flag of a command, and its examples' },
  ],
  run: [
    { args: 'run scenarios/default.yaml', what: 'simulate, print the summary and write reports/ha-three-dcs/index.html' },
    { args: 'run scenarios/default.yaml --fault-cost --replications 20', what: 'what each scripted fault cost, from paired runs without it' },
    { args: 'run scenarios/default.yaml --replications 200 --seed 7 --no-report', what: 'more replications, another seed, no files' },
    { args: 'run scenarios/default.yaml -o json', what: 'the summary JSON alone (a pipeline\'s input; -o yaml for YAML)', after: '> summary.json' },
    { args: 'run - -o wide', what: 'a scenario from stdin; more columns', before: 'cat my-cluster.yaml |' },
    { args: 'run scenarios/default.yaml --precision 10%', what: 'keep simulating until apiWrite is known to ±10%' },
    { args: 'run scenarios/default.yaml --shard 1/4 --out parts', what: 'one quarter of the replications, for kubesim merge' },
  ],
  sweep: [
    { args: 'sweep scenarios/etcd-sizing.yaml --set etcd.members=1,3,5', what: 'availability, latency and cost for each etcd size' },
    { args: 'sweep scenarios/etcd-sizing.yaml --set etcd.members=3,5 --set workers.nodes=100,1000 --slo apiWrite=99.95', what: 'a grid, and the cheapest point that meets the objective' },
    { args: 'sweep scenarios/etcd-sizing.yaml --set etcd.members=3,5 -o yaml', what: 'the sweep summary as YAML' },
  ],
  merge: [
    { args: 'merge parts', what: 'combine every shard\'s partial result in parts/ into the report of one run' },
    { args: 'merge parts/default.shard-1-of-2.json parts/default.shard-2-of-2.json -o json', what: 'named partial files; the summary JSON alone' },
  ],
  validate: [
    { args: 'validate scenarios/default.yaml scenarios/federation.yaml', what: 'every problem of every file, one line each (exit 2 if any)' },
    { args: 'validate - -o json', what: 'machine-readable: {valid, files, problems}', before: 'cat my-cluster.yaml |' },
  ],
  compare: [
    { args: 'compare scenarios/single-server.yaml scenarios/multi-master.yaml', what: 'side by side, with the price of each added nine' },
    { args: 'compare scenarios/multi-master.yaml scenarios/stretched-two-dcs.yaml --replications 100 -o wide', what: 'more replications; more columns' },
  ],
  analytic: [
    { args: 'analytic scenarios/multi-master.yaml', what: 'the exact steady-state availability beside the simulated one' },
    { args: 'analytic scenarios/multi-master.yaml --route ctmc -o json', what: 'by the Markov chain, as JSON' },
  ],
  fit: [
    { args: 'fit scenarios/fit/incidents.csv', what: 'time to failure and repair by role, from outage records' },
    { args: 'fit scenarios/fit/etcd-up.json --map kube-etcd=etcd --into my-cluster.yaml', what: 'from Prometheus; written into a scenario\'s failures' },
  ],
  models: [
    { args: 'models', what: 'the five deployment models and what each guarantees' },
    { args: 'models -o yaml', what: 'the same, as YAML' },
  ],
  explain: [
    { args: 'explain scenarios/quorum-loss-demo.yaml', what: 'narrate replication 0 and chart it' },
    { args: 'explain scenarios/default.yaml --signal apiWrite', what: 'only the steps that move apiWrite or its causes' },
    { args: 'explain scenarios/default.yaml --replication worst --signal apiWrite --from 1d --to 2d', what: 'the worst replication, one day of it' },
    { args: 'explain scenarios/lessons/02-lose-two-of-three.yaml --step', what: 'step by step, Enter to go on' },
  ],
  import: [
    { args: 'import - --out my-cluster.yaml', what: 'a scenario from a real cluster', before: 'kubectl get nodes -o json |' },
    { args: 'import nodes.json pods.json', what: 'with the etcd static pods, to stdout' },
  ],
  lab: [
    { args: 'lab', what: 'write the quorum lab page (kubesim-lab.html) to open in a browser' },
    { args: 'lab --serve --lesson 1', what: 'serve it on 127.0.0.1, open on the first lesson' },
    { args: 'lab --scenario scenarios/quorum-loss-demo.yaml', what: 'step through a scenario\'s scripted faults' },
  ],
  completion: [
    { args: 'completion bash', what: 'print the bash completion script', after: '> ~/.local/share/bash-completion/completions/kubesim' },
    { args: 'completion zsh', what: 'for zsh: a file named _kubesim in a folder of $fpath', after: '> ~/.zfunc/_kubesim' },
    { args: 'completion fish', what: 'for fish', after: '> ~/.config/fish/completions/kubesim.fish' },
  ],
};

/** The section's text: each example's comment, then the command line. */
export function examplesText(examples: readonly HelpExample[]): string {
  const lines = examples.flatMap((e) => [`  # ${e.what}`, `  ${[e.before, `kubesim ${e.args}`, e.after].filter((x) => x !== undefined).join(' ')}`]);
  // commander ends the text with a newline of its own.
  return `\nExamples:\n${lines.join('\n')}`;
}

/** Adds the Examples section to the program and each command that has examples in HELP_EXAMPLES. */
export function withExamples(program: Command): Command {
  const own = HELP_EXAMPLES[''];
  if (own) program.addHelpText('after', examplesText(own));
  for (const c of program.commands) {
    const examples = HELP_EXAMPLES[c.name()];
    if (examples) c.addHelpText('after', examplesText(examples));
  }
  return program;
}
