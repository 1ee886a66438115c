/** Clusters side by side under the same steps: each with its members, arithmetic, signals and timeline; differences marked. */
import { formatDuration, type SimTime } from '../kernel/index.js';
import { failuresTolerated, quorumSize } from '../quorum/index.js';
import type { ReplayedStep } from '../report/narrate/replaySteps.js';
import { escapeHtml } from '../report/escape.js';
import { clusterStatus } from './render.js';
import { timelineSvg } from './timelineSvg.js';

/** One column: a cluster of a run, up to the run's current time. */
export interface CompareColumn {
  readonly title: string;
  /** Controls above the column (the lab's own configuration pickers), HTML. */
  readonly controls: string;
  readonly replayed: readonly ReplayedStep[];
  /** Which cluster of the run's snapshots. */
  readonly cluster: number;
  readonly now: SimTime;
}

/** What a column says, the facts compared between columns. */
interface Facts {
  readonly quorum: boolean;
  readonly leader: boolean;
  readonly writes: boolean;
  readonly reads: boolean;
  /** Seconds API writes have failed so far. */
  readonly writesDown: SimTime;
  /** Whether the cluster's workloads serve (undefined: it runs none). */
  readonly workloads: boolean | undefined;
}

/** Seconds a signal of cluster k was down from 0 to `now`, over steps holding the state after them. */
export function secondsDown(steps: readonly ReplayedStep[], k: number, signal: string, now: SimTime): SimTime {
  let down = 0;
  steps.forEach((s, i) => {
    const end = Math.min(steps[i + 1]?.t ?? now, now);
    if (s.after.clusters[k]!.signals[signal] === false && end > s.t) down += end - s.t;
  });
  return Math.round(down * 1000) / 1000;
}

function facts(col: CompareColumn): Facts {
  const c = col.replayed.at(-1)!.after.clusters[col.cluster]!;
  const st = clusterStatus(c);
  return { quorum: st.held, leader: st.leaderCommits, writes: st.writes, reads: st.reads, writesDown: secondsDown(col.replayed, col.cluster, 'apiWrite', col.now), workloads: c.signals['workloads'] };
}

/** The columns, each compared with the first: a fact that differs from the first column's is marked (colour and text). */
export function compareHtml(columns: readonly CompareColumn[], width: number): string {
  const first = columns[0];
  if (first === undefined) return '';
  const base = facts(first);
  const colWidth = Math.max(320, Math.floor(width / columns.length) - 16);
  return `<div class="compare" style="grid-template-columns: repeat(${columns.length}, minmax(0, 1fr))">${columns.map((col, i) => column(col, i, base, colWidth)).join('')}</div>`;
}

function column(col: CompareColumn, i: number, base: Facts, width: number): string {
  const c = col.replayed.at(-1)!.after.clusters[col.cluster]!;
  const f = facts(col);
  const st = clusterStatus(c);
  const differs = (k: keyof Facts) => i > 0 && f[k] !== base[k];
  const card = (k: keyof Facts, title: string, ok: boolean, text: string) =>
    `<div class="mini ${ok ? 'ok' : 'bad'}${differs(k) ? ' differs' : ''}" data-fact="${k}" data-ok="${ok}"><span class="title">${title}</span> <b>${text}</b>${differs(k) ? ' <span class="diff">≠ differs</span>' : ''}</div>`;
  const n = c.members.length;
  const tiles = c.members
    .map((m, k) => {
      const state = !m.up ? 'down' : c.leader === m.name ? 'leads' : c.quorumSide !== null && m.side === c.quorumSide ? 'up' : 'cut';
      const icon = state === 'down' ? '✕' : state === 'leads' ? '★' : '●';
      return `<span class="dot ${state}" data-member-state="${state}" title="${escapeHtml(`etcd-${k + 1} (${m.datacenter}): ${state}`)}">${icon}<small>${k + 1}</small></span>`;
    })
    .join('');
  const arithmetic = `n = ${n}, quorum = ⌊${n}/2⌋ + 1 = <b>${quorumSize(n)}</b>, tolerates <b>${failuresTolerated(n)}</b>; now ${st.inTouch} in touch: ${st.held ? '<span class="ok">held</span>' : '<span class="bad">lost</span>'}`;
  const downText = f.writesDown === 0 ? 'never' : formatDuration(f.writesDown);
  const timeline = timelineSvg(col.replayed, { from: 0, to: Math.max(col.now, 10), now: col.now, width, marks: [], cluster: col.cluster, label: `Timeline of ${col.title}` });
  return `<section class="column" data-column="${i}" aria-label="${escapeHtml(col.title)}">
<h3>${escapeHtml(col.title)}</h3>${col.controls}
<div class="dots">${tiles}</div>
<p class="arith">${arithmetic}</p>
<div class="minis">${card('quorum', 'Quorum', f.quorum, f.quorum ? 'held' : 'LOST')}${card('leader', 'Leader', f.leader, c.leader === null ? 'none' : escapeHtml(c.leader.slice(c.leader.indexOf('/') + 1)) + (f.leader ? '' : ' (cannot commit)'))}${card('writes', 'API writes', f.writes, f.writes ? 'working' : 'FAILING')}${card('reads', 'API reads', f.reads, f.reads ? 'working' : 'FAILING')}${card('writesDown', 'Writes failed so far', f.writesDown === 0, downText)}${f.workloads === undefined ? '' : card('workloads', 'Workloads', f.workloads, f.workloads ? 'serving' : 'DOWN')}</div>
<div class="col-timeline">${timeline}</div>
</section>`;
}
