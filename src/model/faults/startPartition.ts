/** The partition fault's behaviour: the network splits into the groups for a while, then heals. */
import { formatDuration } from '../../kernel/index.js';
import type { FaultOf } from '../../scenario/Scenario.js';
import { recordFault, type FaultContext } from './FaultContext.js';
import { leaderComponent, namesLeader } from './leaderTarget.js';

export function startPartition(w: FaultContext, f: FaultOf<'partition'>): boolean {
  // `<cluster>/etcd-leader` is the member leading when the partition starts; the trace keeps the
  // real names, so that a replay resolves the same hosts. No leader: that name cuts nothing off.
  const leaders: string[] = [];
  const groups = f.groups.map((g) =>
    g.flatMap((name) => {
      if (!namesLeader(name)) return [name];
      const c = leaderComponent(w, name);
      if (c === undefined) {
        leaders.push(`${name}: no leader right now`);
        return [];
      }
      const member = w.topology.components[c]!.name;
      leaders.push(`${member} leads`);
      return [member];
    }),
  );
  const p = w.network.resolve(groups);
  const text = groups.map((g) => `[${g.join(', ')}]`).join(' | ');
  recordFault(w, f, `network partition ${text} for ${formatDuration(f.duration)}${leaders.length > 0 ? ` (${leaders.join('; ')})` : ''}`);
  w.network.add(p);
  w.record({ t: w.sim.now, kind: 'partition', groups, active: true });
  w.wake();
  w.sim.schedule(f.duration, () => {
    w.network.remove(p);
    w.record({ t: w.sim.now, kind: 'partition', groups, active: false });
    w.wake();
  });
  return true;
}
