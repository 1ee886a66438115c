// SimPy's whole program (bench/simpy_reference.py --whole) written against kubesim's kernel alone:
// three members failing and repaired at random, the quorum's downtime integrated as they come and
// go, and nothing else (no Raft, no apiservers, no leases, no signals). The model benchmark runs it
// as a whole process beside `kubesim run` and SimPy: what the kernel gives a program that does
// only what SimPy's does, the most the whole model could reach on the reference.
//
//   node bench/quorumKernel.mjs replications years
//
// Prints one JSON line: {"events", "replications", "quorumAvailability"} (the mean over the
// replications); the caller times the process.
import { HOUR, RandomStreams, Simulation, YEAR, sample } from '../dist/kernel/index.js';

const MEMBERS = 3;
const NEED = 2;
const failure = { kind: 'exponential', mean: 1000 * HOUR };
const repair = { kind: 'exponential', mean: 10 * HOUR };

/** One replication: the fraction of [0, horizon) during which at least NEED members were up, and the events it took. */
export function quorumReplication(r, horizon) {
  const sim = new Simulation();
  const streams = new RandomStreams(1);
  const rngs = [];
  const up = new Uint8Array(MEMBERS).fill(1);
  let members = MEMBERS;
  let lostSince = NaN;
  let lost = 0;
  const change = (s, m) => {
    const wasUp = up[m];
    up[m] = 1 - wasUp;
    members += wasUp === 1 ? -1 : 1;
    const held = members >= NEED;
    if (!held && Number.isNaN(lostSince)) lostSince = s.now;
    else if (held && !Number.isNaN(lostSince)) {
      lost += s.now - lostSince;
      lostSince = NaN;
    }
    s.schedule(sample(wasUp === 1 ? repair : failure, rngs[m]), change, m);
  };
  for (let m = 0; m < MEMBERS; m++) {
    rngs.push(streams.get(`r${r}/member-${m}`));
    sim.schedule(sample(failure, rngs[m]), change, m);
  }
  sim.run(horizon);
  if (!Number.isNaN(lostSince)) lost += horizon - lostSince;
  return { availability: 1 - lost / horizon, events: sim.eventsProcessed };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const replications = Number(process.argv[2]);
  const years = Number(process.argv[3]);
  if (!(Number.isInteger(replications) && replications > 0 && years > 0)) {
    console.error('usage: node bench/quorumKernel.mjs REPLICATIONS YEARS');
    process.exit(2);
  }
  let events = 0;
  let total = 0;
  for (let r = 0; r < replications; r++) {
    const one = quorumReplication(r, years * YEAR);
    events += one.events;
    total += one.availability;
  }
  console.log(JSON.stringify({ events, replications, quorumAvailability: total / replications }));
}
