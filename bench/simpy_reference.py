"""The benchmark's reference model in SimPy 3, to compare kubesim's kernel against.

Three independent repairable components; failures are exponential with mean MTTF and repairs
exponential with mean MTTR. Each failure and each repair is one SimPy timeout event. Run with
Debian's interpreter (`/usr/bin/python3`, package python3-simpy3):

    /usr/bin/python3 bench/simpy_reference.py [target_events] [repeats]

Prints one JSON line: {"simpy": version, "events": n, "seconds": s, "eventsPerSecond": rate,
"cpuEventsPerSecond": rate}, each the best of the repeats (by wall clock, and by CPU time).

    /usr/bin/python3 bench/simpy_reference.py --whole replications years

The whole program, as `kubesim run` of bench/scenarios/quorum-reference.yaml does it: the three
components are etcd members, a quorum needs two of them up, and each replication of `years`
measures the fraction of time the quorum held; prints {"simpy", "events", "replications",
"quorumAvailability", "cpuSeconds"} (mean over the replications; the process's CPU time, from
its start). The caller times the whole process.
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


def member(env, rng, counter, state, index):
    """A component that also keeps the count of members up and the quorum's downtime."""
    while True:
        yield env.timeout(rng.expovariate(1.0 / MTTF))
        counter[0] += 1
        state.change(env.now, -1)
        yield env.timeout(rng.expovariate(1.0 / MTTR))
        counter[0] += 1
        state.change(env.now, +1)


class Quorum:
    """Members up, and the time the quorum (2 of 3) was lost, integrated as members come and go."""

    def __init__(self):
        self.up = COMPONENTS
        self.lost_since = None
        self.lost = 0.0

    def change(self, now, delta):
        self.up += delta
        held = self.up >= COMPONENTS // 2 + 1
        if not held and self.lost_since is None:
            self.lost_since = now
        elif held and self.lost_since is not None:
            self.lost += now - self.lost_since
            self.lost_since = None

    def availability(self, horizon):
        lost = self.lost + (horizon - self.lost_since if self.lost_since is not None else 0.0)
        return 1.0 - lost / horizon


def whole(replications, years):
    horizon = years * 365 * 24 * HOUR
    counter = [0]
    total = 0.0
    for r in range(replications):
        env = simpy.Environment()
        state = Quorum()
        for i in range(COMPONENTS):
            env.process(member(env, random.Random("r%d/member-%d" % (r, i)), counter, state, i))
        env.run(until=horizon)
        total += state.availability(horizon)
    print(json.dumps({"simpy": getattr(simpy, "__version__", "?"), "events": counter[0], "replications": replications,
                      "quorumAvailability": total / replications, "cpuSeconds": time.process_time()}))


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--whole":
        whole(int(sys.argv[2]), float(sys.argv[3]))
        return
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
