/** Downtime by cause through the CLI: hand-checked scenarios whose attribution is known exactly, in the JSON, the terminal and summary.md. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SignalSummary, Summary } from '../../src/experiment/Summary.js';
import { fixture } from './cli.js';
import { kubesimInProcess } from './inProcess.js';

/** Seconds per year of one second in a 6 h horizon, one replication: 365 × 24 / 6. */
const PER_YEAR = 1460;

/** One run that prints the terminal tables and writes summary.json (the JSON of --json) and summary.md. */
async function run(file: string, out: string) {
  const report = await kubesimInProcess(['run', fixture(file), '--jobs', '1', '--out', out]);
  const read = (name: string) => readFileSync(`${out}/${name}`, 'utf8');
  return { report, summary: JSON.parse(read('summary.json')) as Summary, markdown: read('summary.md') };
}

const signalsOf = (s: Summary): [string, SignalSummary][] => [
  ...Object.entries(s.clusters).flatMap(([c, x]) => Object.entries(x.signals).map(([n, v]) => [`${c}/${n}`, v] as [string, SignalSummary])),
  ...Object.entries(s.global.signals).map(([n, v]) => [`global/${n}`, v] as [string, SignalSummary]),
];

describe('kubesim run: downtime by cause', () => {
  it('should give all the downtime to the one scripted outage when nothing else fails', async () => {
    // Arrange, Act: az-c dark for 2 h, random failures off, 2 replications.
    const { summary, report, markdown } = await run('cause-one-outage.yaml', 'test-output/cause-one-outage');
    // Assert
    expect(report.code, report.stderr).toBe(0);
    const signals = signalsOf(summary);
    expect(signals.find(([n]) => n === 'prod/workloads')![1].downtimeSecondsPerYear).toBeGreaterThan(0);
    for (const [name, s] of signals) {
      // The keys: the named fault, then the mechanisms (no random cause in this scenario).
      expect(Object.keys(s.downtimeByCause!), name).toEqual(['fault az-c down', 'leader election', 'lease handover', 'eviction and rescheduling']);
      expect(s.downtimeByCause, name).toEqual({ 'fault az-c down': s.downtimeSecondsPerYear, 'leader election': 0, 'lease handover': 0, 'eviction and rescheduling': 0 });
    }
    expect(report.stdout).toMatch(/Downtime by cause\n.*\nprod\/workloads +\S.* +fault az-c down +\S.* +100%\n/);
    expect(markdown).toMatch(/## Downtime by cause\n\n\| Signal \| Downtime per year \| Cause \| Per year \| Share \|\n.*\n\| prod\/workloads \| [^|]+ \| fault az-c down \| [^|]+ \| 100% \|\n/);
  });

  it('should split two overlapping named outages evenly while both are in effect', async () => {
    // Arrange, Act: dc-a dark 1h-2h (east), dc-b 1h30m-2h30m (west).
    const { summary, report, markdown } = await run('cause-two-outages.yaml', 'test-output/cause-two-outages');
    // Assert
    expect(report.code, report.stderr).toBe(0);
    // By hand: global/service is down 1h30m-2h00m10s; 1,800 s of overlap split in two, then 10 s of west dark alone.
    expect(summary.global.signals['service']!.downtimeByCause).toEqual({
      'fault east dark': 900 * PER_YEAR,
      'fault west dark': 910 * PER_YEAR,
      'leader election': 0,
      'lease handover': 0,
      'eviction and rescheduling': 0,
    });
    // Each cluster's own signals: only its own datacenter's outage, never the other's.
    expect(summary.clusters['east']!.signals['etcdQuorum']!.downtimeByCause).toMatchObject({ 'fault east dark': 3600 * PER_YEAR, 'fault west dark': 0 });
    expect(summary.clusters['west']!.signals['etcdQuorum']!.downtimeByCause).toMatchObject({ 'fault east dark': 0, 'fault west dark': 3600 * PER_YEAR });
    // Every signal's causes add up to its downtime.
    for (const [name, s] of signalsOf(summary)) {
      expect(Object.values(s.downtimeByCause!).reduce((a, b) => a + b, 0), name).toBeCloseTo(s.downtimeSecondsPerYear, 2);
    }
    // 910 / 1,810 and 900 / 1,810 both read 50%.
    expect(report.stdout).toMatch(/global\/service +\S.* +fault west dark +\S.* +50%\n +fault east dark +\S.* +50%\n/);
    expect(markdown).toMatch(/\| global\/service \| [^|]+ \| fault west dark \| [^|]+ \| 50% \|\n\|  \|  \| fault east dark \| [^|]+ \| 50% \|\n/);
  });
});
