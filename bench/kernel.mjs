// The kernel benchmark: one reference model (repairable components) in kubesim's kernel and in SimPy 3.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { HOUR, RandomStreams, Simulation, sample } from '../dist/kernel/index.js';
import { bestOf, formatRate, loadWarning } from './lib.mjs';

const MTTF = 1000 * HOUR; // seconds, mean time to failure
const MTTR = 10 * HOUR; // seconds, mean time to repair
const COMPONENTS = 3;
const TARGET_EVENTS = 2_000_000; // failures + repairs
// Debian's interpreter, which sees python3-simpy3 (the python3 on PATH may not); override to test.
const PYTHON = process.env.KUBESIM_BENCH_PYTHON ?? '/usr/bin/python3';
const SIMPY_SCRIPT = fileURLToPath(new URL('./simpy_reference.py', import.meta.url));

/** Simulated seconds in which the components make about `events` failures and repairs. */
function horizonFor(events) {
  return (events / COMPONENTS) * ((MTTF + MTTR) / 2);
}

/**
 * The model as a kubesim model would write it: one handler for every component, the component's
 * index as the payload, one named stream per component, nothing allocated per event.
 */
export function runRepairableComponents(targetEvents, seed) {
  const sim = new Simulation();
  const streams = new RandomStreams(seed);
  const failure = { kind: 'exponential', mean: MTTF };
  const repair = { kind: 'exponential', mean: MTTR };
  const rngs = [];
  const up = new Uint8Array(COMPONENTS);
  // A component toggles between up and down and schedules its next change.
  const onChange = (s, c) => {
    const wasUp = up[c];
    up[c] = 1 - wasUp;
    s.schedule(sample(wasUp === 1 ? repair : failure, rngs[c]), onChange, c);
  };
  for (let c = 0; c < COMPONENTS; c++) {
    rngs.push(streams.get(`component-${c}`));
    up[c] = 1;
    sim.schedule(sample(failure, rngs[c]), onChange, c);
  }
  sim.run(horizonFor(targetEvents));
  return sim.eventsProcessed;
}

function runSimpy(targetEvents, repeats) {
  const r = spawnSync(PYTHON, [SIMPY_SCRIPT, String(targetEvents), String(repeats)], { encoding: 'utf8' });
  if (r.error) return { error: `cannot run ${PYTHON}: ${r.error.message}` };
  const line = r.stdout.trim().split('\n').pop() ?? '';
  try {
    const parsed = JSON.parse(line);
    if (parsed.error) return { error: parsed.error };
    return parsed;
  } catch {
    return { error: `${PYTHON} ${SIMPY_SCRIPT} failed (exit ${r.status}): ${r.stderr.trim().split('\n').pop()}` };
  }
}

/** Runs both and prints events/s of each and their ratio. */
export function kernelBench({ log }) {
  log(`model: ${COMPONENTS} repairable components, exponential MTTF 1000 h, MTTR 10 h, ~${TARGET_EVENTS} events`);
  const warning = loadWarning();
  if (warning) log(warning);
  // Warm-up: let V8 optimise the loop, the heap and the generator before timing.
  runRepairableComponents(TARGET_EVENTS / 10, 0);
  const ks = bestOf(3, (i) => runRepairableComponents(TARGET_EVENTS, i + 1));
  log(
    `kubesim kernel: ${formatRate(ks.wall.rate)} events/s (best of 3: ${ks.wall.events} events in ` +
      `${ks.wall.seconds.toFixed(3)} s; by CPU time ${formatRate(ks.cpu.rate)} events/s)`,
  );
  const py = runSimpy(TARGET_EVENTS, 3);
  if (py.error) {
    log(`SimPy: not measured (${py.error}); no ratio`);
    return { kubesimEventsPerSecond: ks.wall.rate };
  }
  log(
    `SimPy ${py.simpy}: ${formatRate(py.eventsPerSecond)} events/s (best of 3: ${py.events} events in ` +
      `${py.seconds.toFixed(3)} s; by CPU time ${formatRate(py.cpuEventsPerSecond)} events/s)`,
  );
  const ratio = ks.wall.rate / py.eventsPerSecond;
  const cpuRatio = ks.cpu.rate / py.cpuEventsPerSecond;
  log(`ratio kubesim/SimPy: ${ratio.toFixed(1)}x (by CPU time: ${cpuRatio.toFixed(1)}x)`);
  return { kubesimEventsPerSecond: ks.wall.rate, simpyEventsPerSecond: py.eventsPerSecond, ratio, cpuRatio };
}
