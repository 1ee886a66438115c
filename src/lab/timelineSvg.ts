/** The lab's timeline: members, leader, network and signals over a window, as an SVG string. */
import { formatDuration, type SimTime } from '../kernel/index.js';
import type { ReplayedStep } from '../report/narrate/replaySteps.js';
import type { ClusterSnapshot, Snapshot } from '../report/narrate/TraceReplay.js';
import { escapeHtml } from '../report/escape.js';
import type { ClusterSignal } from '../scenario/signals.js';

export interface TimelineOptions {
  readonly from: SimTime;
  readonly to: SimTime;
  /** The simulated present: bars stop here even when the axis runs on to `to` (default `to`). */
  readonly now?: SimTime;
  /** Pixels. */
  readonly width: number;
  /** The student's actions, as vertical marks. */
  readonly marks: readonly { readonly t: SimTime; readonly label: string }[];
  /** Which cluster of the snapshots to draw (default the first). */
  readonly cluster?: number;
  /** The SVG's accessible name (default: "Timeline of members, leader and signals"). */
  readonly label?: string;
}

/** Colours shared with the page's style sheet (and the report's charts: up green, down red). */
export const LAB_COLORS = { up: '#59a14f', down: '#e15759', cut: '#f28e2b', none: '#d9dce1', grid: '#e3e5e8', ink: '#202124', muted: '#5f6368' } as const;
const LEADER_COLORS = ['#4e79a7', '#b07aa1', '#76b7b2', '#edc948', '#9c755f', '#ff9da7', '#59a14f', '#f28e2b', '#bab0ac'];

const ROW = 24;
const LABEL = 118;
const TOP = 8;
const AXIS = 26;

interface Lane {
  readonly label: string;
  /** Colour and text of a state; the text is drawn when the bar is wide enough. */
  readonly paint: (c: ClusterSnapshot, s: Snapshot) => { fill: string; text: string; title: string };
}

/** Signals the lab shows, in order, with the words a class reads them by. */
const SIGNALS: readonly (readonly [ClusterSignal, string])[] = [
  ['etcdQuorum', 'quorum'],
  ['apiWrite', 'API writes'],
  ['apiRead', 'API reads'],
  ['scheduling', 'scheduling'],
];

export function timelineSvg(steps: readonly ReplayedStep[], o: TimelineOptions): string {
  const first = steps[0];
  if (first === undefined || !(o.to > o.from)) return '';
  const k = o.cluster ?? 0;
  const lanes = lanesFor(first.after.clusters[k]!, steps.some((s) => s.after.partitions.length > 0));
  const plot = o.width - LABEL - 12;
  const x = (t: SimTime) => LABEL + ((Math.min(Math.max(t, o.from), o.to) - o.from) / (o.to - o.from)) * plot;
  const height = TOP + lanes.length * ROW + AXIS;
  // Nothing after the present is known: the bars stop there, whatever span the axis keeps.
  const until = Math.min(o.now ?? o.to, o.to);
  const parts: string[] = [];
  lanes.forEach((lane, r) => {
    const y = TOP + r * ROW;
    parts.push(`<text x="${LABEL - 10}" y="${y + ROW / 2 + 4}" text-anchor="end" class="lane">${escapeHtml(lane.label)}</text>`);
    for (const { start, end, p } of bars(steps, lane, until, k)) {
      if (end <= o.from || start >= until) continue;
      const x0 = x(start);
      const w = Math.max(x(end) - x0, 0.75);
      parts.push(
        `<rect x="${x0.toFixed(2)}" y="${y + 3}" width="${w.toFixed(2)}" height="${ROW - 6}" fill="${p.fill}"><title>${escapeHtml(`${p.title} from ${formatDuration(start)}`)}</title></rect>`,
      );
      if (p.text !== '' && w > p.text.length * 7 + 8) {
        const tone = p.fill === LAB_COLORS.none ? 'in-bar light' : 'in-bar';
        parts.push(`<text x="${(x0 + 5).toFixed(2)}" y="${y + ROW / 2 + 4}" class="${tone}">${escapeHtml(p.text)}</text>`);
      }
    }
  });
  const axisY = TOP + lanes.length * ROW + 4;
  for (const t of ticks(o.from, o.to)) {
    const tx = x(t).toFixed(2);
    parts.push(`<line x1="${tx}" x2="${tx}" y1="${TOP}" y2="${axisY}" stroke="${LAB_COLORS.grid}" />`);
    parts.push(`<text x="${tx}" y="${axisY + 14}" text-anchor="middle" class="tick">${t === 0 ? '0' : escapeHtml(formatDuration(t))}</text>`);
  }
  if (until < o.to) {
    const nx = x(until).toFixed(2);
    parts.push(`<line x1="${nx}" x2="${nx}" y1="${TOP}" y2="${axisY}" class="now" stroke="${LAB_COLORS.ink}"><title>now, ${escapeHtml(formatDuration(until))}</title></line>`);
  }
  for (const m of o.marks) {
    if (m.t < o.from || m.t > o.to) continue;
    const mx = x(m.t).toFixed(2);
    parts.push(`<line x1="${mx}" x2="${mx}" y1="${TOP}" y2="${axisY}" class="mark"><title>${escapeHtml(m.label)}</title></line>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${o.width}" height="${height}" viewBox="0 0 ${o.width} ${height}" role="img" aria-label="${escapeHtml(o.label ?? 'Timeline of members, leader and signals')}">${parts.join('')}</svg>`;
}

/** A lane's bars up to `until`: consecutive steps that paint it alike make one bar. */
function bars(steps: readonly ReplayedStep[], lane: Lane, until: SimTime, k: number) {
  const out: { start: SimTime; end: SimTime; p: ReturnType<Lane['paint']> }[] = [];
  steps.forEach((s, i) => {
    const p = lane.paint(s.after.clusters[k]!, s.after);
    const end = Math.min(steps[i + 1]?.t ?? until, until);
    const last = out.at(-1);
    if (last !== undefined && last.p.fill === p.fill && last.p.text === p.text) last.end = end;
    else out.push({ start: s.t, end, p });
  });
  return out;
}

function lanesFor(c: ClusterSnapshot, partitioned: boolean): Lane[] {
  const lanes: Lane[] = c.members.map((m, k) => ({
    label: short(m.name),
    paint: (cs) => {
      const mm = cs.members[k]!;
      if (!mm.up) return { fill: LAB_COLORS.down, text: 'down', title: `${short(mm.name)} down` };
      if (cs.quorumSide === null) return { fill: LAB_COLORS.cut, text: 'no quorum', title: `${short(mm.name)} up, but no quorum anywhere` };
      if (mm.side !== cs.quorumSide) return { fill: LAB_COLORS.cut, text: 'cut off', title: `${short(mm.name)} cut off from the quorum` };
      return { fill: LAB_COLORS.up, text: '', title: `${short(mm.name)} up, in the quorum` };
    },
  }));
  lanes.push({
    label: 'leader',
    paint: (cs) => {
      if (cs.leader === null) return { fill: LAB_COLORS.none, text: 'none', title: 'no leader' };
      const i = Number(/(\d+)$/.exec(cs.leader)?.[1] ?? 1) - 1;
      return { fill: LEADER_COLORS[i % LEADER_COLORS.length]!, text: `${short(cs.leader)} · term ${cs.term}`, title: `${short(cs.leader)} leads term ${cs.term}` };
    },
  });
  if (partitioned) {
    lanes.push({
      label: 'network',
      paint: (_c, s) =>
        s.partitions.length === 0
          ? { fill: LAB_COLORS.none, text: 'whole', title: 'network whole' }
          : { fill: LAB_COLORS.cut, text: 'partitioned', title: 'network partitioned' },
    });
  }
  for (const [key, label] of SIGNALS) {
    if (c.signals[key] === undefined) continue;
    lanes.push({
      label,
      paint: (cs) =>
        cs.signals[key] === false
          ? { fill: LAB_COLORS.down, text: 'down', title: `${label} down` }
          : { fill: LAB_COLORS.up, text: '', title: `${label} up` },
    });
  }
  return lanes;
}

function short(name: string): string {
  return name.slice(name.indexOf('/') + 1);
}

/** About six round ticks over [from, to]. */
function ticks(from: SimTime, to: SimTime): SimTime[] {
  const steps = [0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];
  const step = steps.find((s) => (to - from) / s <= 7) ?? 3600;
  const out: SimTime[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to + 1e-9; t += step) out.push(Math.round(t * 1000) / 1000);
  return out;
}
