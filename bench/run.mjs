// Benchmarks, apart from the tests: `npm run bench` (builds first) or `node bench/run.mjs [name...]`.
import { kernelBench } from './kernel.mjs';
import { modelBench } from './model.mjs';
import { rareBench } from './rare.mjs';
import { sweepBench } from './sweep.mjs';
import { traceBench } from './trace.mjs';

/**
 * The benchmarks by name, run in this order when none is named. To add one, write a module
 * exporting `(context) => results` and list it here; `context.log` prints a line under its title.
 */
const BENCHES = [
  { name: 'kernel', describe: 'event loop and random streams vs SimPy 3', run: kernelBench },
  { name: 'model', describe: 'the whole model: kubesim run vs SimPy 3 whole program, and cluster-years/s at 100 to 5,000 workers', run: modelBench },
  { name: 'rare', describe: 'rare-event importance sampling to ±10% at 95% on three cases, vs naive Monte Carlo projected', run: rareBench },
  { name: 'trace', describe: 'memory flat in the horizon: 5,000 busy workers over 1, 4 and 16 days, with and without a report', run: traceBench },
  { name: 'sweep', describe: 'a 5 x 4 etcd sizing sweep at 1 year x 100 replications per point, --jobs 1 and 2', run: sweepBench },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((n) => !BENCHES.some((b) => b.name === n));
if (unknown.length > 0) {
  console.error(`bench: unknown benchmark ${unknown.join(', ')}; known: ${BENCHES.map((b) => b.name).join(', ')}`);
  process.exit(2);
}
console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
for (const bench of BENCHES) {
  if (wanted.length > 0 && !wanted.includes(bench.name)) continue;
  console.log(`\n## ${bench.name}: ${bench.describe}`);
  await bench.run({ log: (line) => console.log(`  ${line}`) });
}
