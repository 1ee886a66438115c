/** Whether a deployment survives the loss of any one host or datacenter, measured by running it. */
import { HOUR } from '../kernel/index.js';
import { runReplication } from '../model/Replication.js';
import { buildTopology } from '../model/Topology.js';
import { availabilityUnits, type AvailabilityUnit } from '../scenario/availabilityUnits.js';
import type { Fault, Scenario } from '../scenario/Scenario.js';

/** The verdict for the whole scenario, and for each of its availability units alone. */
export interface HighAvailability {
  readonly verdict: string;
  readonly units: readonly { readonly unit: AvailabilityUnit; readonly verdict: string }[];
}

/** An outage shorter than this counts as a failover (an election, a lease hand-over), not a loss. */
const FAILOVER_SECONDS = 60;

/** A host or a datacenter lost in one probe, and the watched units it stopped. */
interface Loss {
  readonly name: string;
  /** The only load balancer instance of its cluster: said so, as it is a single point of failure. */
  readonly soleLoadBalancer: boolean;
  readonly stopped: readonly AvailabilityUnit[];
}

/**
 * Every host, load balancers included, and then every datacenter (when there are several) is
 * lost alone for an hour with no other failure. What is watched is each availability unit: the
 * global service where clusters serve together, and each other cluster's apiWrite; a unit
 * survives a loss when its longest outage is a failover (under a minute). A load balancer is a
 * host like any other: a single instance is a single point of failure, and one per datacenter is
 * not. By convention nothing is claimed of what was not checked: a scenario with no unit to watch
 * (or no host to lose) is "not checked", never vacuously "yes".
 */
export function probeHighAvailability(base: Scenario): HighAvailability {
  const units = availabilityUnits(base);
  const topology = buildTopology(base);
  const signalOf = (r: ReturnType<typeof runReplication>, u: AvailabilityUnit) => r.signals.find((x) => x.cluster === u.cluster && x.signal === u.signal);
  const calm = runReplication(base, topology, 0);
  const watched = units.filter((u) => signalOf(calm, u) !== undefined);
  const stoppedBy = (fault: Fault): AvailabilityUnit[] => {
    const sc = { ...base, faults: [fault] };
    const r = runReplication(sc, buildTopology(sc), 0);
    return watched.filter((u) => signalOf(r, u)!.stats.longestOutage >= FAILOVER_SECONDS);
  };
  const hosts: Loss[] = topology.hosts.map((_, h) => {
    const first = topology.components.find((c) => c.host === h)!;
    const soleLoadBalancer = first.kind === 'loadBalancer' && topology.clusters[first.cluster]!.loadBalancers.length === 1;
    return { name: first.name, soleLoadBalancer, stopped: stoppedBy({ kind: 'crash', at: HOUR, target: first.name, duration: HOUR }) };
  });
  const datacenters: Loss[] =
    base.datacenters.length > 1 ? base.datacenters.map((d) => ({ name: d.name, soleLoadBalancer: false, stopped: stoppedBy({ kind: 'outage', at: HOUR, target: d.name, duration: HOUR }) })) : [];
  const unchecked = units.filter((u) => !watched.includes(u));
  const judge = (of: readonly AvailabilityUnit[], named: boolean): string => {
    const mine = of.filter((u) => watched.includes(u));
    const missing = of.filter((u) => unchecked.includes(u));
    const note = missing.length > 0 ? `; not checked: ${missing.map((u) => `${u.cluster}/${u.signal}`).join(', ')} (no such signal)` : '';
    if (mine.length === 0) return `not checked (${of.length === 0 ? 'no cluster' : `no ${of.map((u) => `${u.cluster}/${u.signal}`).join(', ')} signal`} to watch)`;
    if (hosts.length === 0) return 'not checked (no host to lose)';
    const hit = (l: Loss) => l.stopped.filter((u) => mine.includes(u));
    const host = hosts.find((l) => hit(l).length > 0);
    if (host) return `no (losing ${host.name} stops ${phrase(hit(host), named)}${host.soleLoadBalancer ? ': a single load balancer is a single point of failure' : ''}${note})`;
    const dc = datacenters.find((l) => hit(l).length > 0);
    if (dc) return `hosts yes, datacenters no (losing ${dc.name} stops ${phrase(hit(dc), named)}${note})`;
    const what = named ? `${phrase(mine, true)} survive${mine.length === 1 ? 's' : ''} the loss of any host` : 'survives the loss of any host';
    return `yes (${what}${datacenters.length > 0 ? ' or datacenter' : ''}${note})`;
  };
  return {
    verdict: judge(units, units.length > 1),
    units: units.map((unit) => ({ unit, verdict: judge([unit], false) })),
  };
}

/** "the API", "the service"; with `named`, which cluster's: "one-site's API, stretched's API and the global service". */
function phrase(units: readonly AvailabilityUnit[], named: boolean): string {
  const words = units.map((u) => (u.cluster === 'global' ? `${named ? 'the global' : 'the'} service` : named ? `${u.cluster}'s API` : 'the API'));
  return words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`;
}
