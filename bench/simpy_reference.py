"""The benchmark's reference model in SimPy 3, to compare kubesim's kernel against.

Three independent repairable components; failures are exponential with mean MTTF and repairs
exponential with mean MTTR. Each failure and each repair is one SimPy timeout event. Run with
Debian's interpreter (`/usr/bin/python3`, package python3-simpy3):

    /usr/bin/python3 bench/simpy_reference.py [target_events] [repeats]

Prints one JSON line: {"simpy": version, "events": n, "seconds": s, "eventsPerSecond": rate,
"cpuEventsPerSecond": rate}, each the best of the repeats (by wall clock, and by CPU time).
"""
import json
import random
import sys
import time

try:
    import simpy
except ImportError:
    print(json.dumps({"error": "simpy is not installed for %s (Debian: apt-get install python3-simpy3)" % sys.executable}))
    sys.exit(3)

HOUR = 3600.0  # seconds
MTTF = 1000 * HOUR  # seconds, mean time to failure
MTTR = 10 * HOUR  # seconds, mean time to repair
COMPONENTS = 3


def horizon_for(target_events):
    """Simulated seconds in which COMPONENTS components make about target_events events."""
    return target_events / COMPONENTS * (MTTF + MTTR) / 2


def component(env, rng, counter):
    while True:
        yield env.timeout(rng.expovariate(1.0 / MTTF))
        counter[0] += 1  # failed
        yield env.timeout(rng.expovariate(1.0 / MTTR))
        counter[0] += 1  # repaired


def run_once(target_events, seed):
    env = simpy.Environment()
    counter = [0]
    for i in range(COMPONENTS):
        env.process(component(env, random.Random("%d/component-%d" % (seed, i)), counter))
    start, cpu_start = time.perf_counter(), time.process_time()
    env.run(until=horizon_for(target_events))
    return counter[0], time.perf_counter() - start, time.process_time() - cpu_start


def main():
    target = int(sys.argv[1]) if len(sys.argv) > 1 else 2_000_000
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    # A short run first, as for kubesim (CPython has no JIT: this only warms caches and the allocator).
    run_once(target // 100, 0)
    best = None
    best_cpu = 0.0
    for r in range(repeats):
        events, seconds, cpu_seconds = run_once(target, r + 1)
        rate = events / seconds
        if best is None or rate > best["eventsPerSecond"]:
            best = {"events": events, "seconds": seconds, "eventsPerSecond": rate}
        best_cpu = max(best_cpu, events / cpu_seconds)
    best["cpuEventsPerSecond"] = best_cpu
    best["simpy"] = getattr(simpy, "__version__", "?")
    print(json.dumps(best))


if __name__ == "__main__":
    main()
