// Small helpers shared by the benchmarks: timing and formatting.
import { availableParallelism, loadavg } from 'node:os';

/**
 * Runs `fn(i)` `repeats` times; `fn` returns how many events (or items) it processed. Returns the
 * best rate by wall clock and the best by this process's CPU time (steadier when other work
 * shares the machine), each with its count and seconds.
 */
export function bestOf(repeats, fn) {
  let wall = { rate: 0, events: 0, seconds: Infinity };
  let cpu = { rate: 0, events: 0, seconds: Infinity };
  for (let i = 0; i < repeats; i++) {
    const cpu0 = process.cpuUsage();
    const start = process.hrtime.bigint();
    const events = fn(i);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const used = process.cpuUsage(cpu0);
    const cpuSeconds = (used.user + used.system) / 1e6;
    if (events / seconds > wall.rate) wall = { rate: events / seconds, events, seconds };
    if (events / cpuSeconds > cpu.rate) cpu = { rate: events / cpuSeconds, events, seconds: cpuSeconds };
  }
  return { wall, cpu };
}

/** 12345678 -> "12.35 M". */
export function formatRate(perSecond) {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)} M`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(1)} k`;
  return perSecond.toFixed(1);
}

/** A warning line when other work loads the machine (wall-clock figures are then noisy), else undefined. */
export function loadWarning() {
  const load = loadavg()[0] ?? 0;
  const cpus = availableParallelism();
  if (load < cpus * 0.5) return undefined;
  return `note: load average ${load.toFixed(1)} on ${cpus} CPUs; wall-clock rates are noisy, CPU-time rates steadier`;
}
