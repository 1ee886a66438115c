/** The lab page's dynamic parts as HTML strings, from the history and the model's run: no DOM here. */
import { formatClock, formatDuration } from '../kernel/index.js';
import { failuresTolerated, quorumSize } from '../quorum/index.js';
import { narrationLines, type NarratedStep } from '../report/narrate/narrate.js';
import type { ClusterSnapshot } from '../report/narrate/TraceReplay.js';
import { escapeHtml } from '../report/escape.js';
import { applied, type LabHistory } from './labHistory.js';
import type { LabRun } from './labRun.js';
import { advance, labDatacenters, labSettings, type LabAction, type LabConfig } from './labScenario.js';

/** Places the student has marked to cut off with the next partition. */
export interface Selection {
  readonly datacenters: readonly string[];
  readonly members: readonly number[];
}

const short = (name: string) => name.slice(name.indexOf('/') + 1);

/** What state the cluster is in, in the words the page uses. */
export function clusterStatus(c: ClusterSnapshot) {
  const held = c.quorumSide !== null;
  const inTouch = c.sides[0] ?? 0;
  const leader = c.leader === null ? undefined : c.members.find((m) => m.name === c.leader);
  const leaderCommits = leader !== undefined && leader.up && held && leader.side === c.quorumSide;
  const writes = c.signals['apiWrite'] !== false;
  const whyNoWrites = !held ? 'no quorum' : !leaderCommits ? (c.leader === null ? 'waiting for an election' : 'the leader is cut off: waiting for an election') : 'no apiserver can write';
  return { held, inTouch, leaderCommits, writes, whyNoWrites, reads: c.signals['apiRead'] !== false };
}

export function arithmeticHtml(c: ClusterSnapshot): string {
  const n = c.members.length;
  const q = quorumSize(n);
  const f = failuresTolerated(n);
  const st = clusterStatus(c);
  const now = st.held
    ? `<span class="ok">${st.inTouch} ≥ ${q}: quorum held</span>, can lose ${st.inTouch - q} more`
    : `<span class="bad">${st.inTouch} &lt; ${q}: quorum lost</span>`;
  const cols = [1, 2, 3, 4, 5, 6, 7, 8, 9];
  const row = (label: string, v: (k: number) => number) =>
    `<tr><th>${label}</th>${cols.map((k) => `<td${k === n ? ' class="current"' : ''}>${v(k)}</td>`).join('')}</tr>`;
  return `<div class="formula">
<div><var>n</var> = <b>${n}</b> voting member${n === 1 ? '' : 's'}</div>
<div>quorum = ⌊<var>n</var>/2⌋ + 1 = ⌊${n}/2⌋ + 1 = <b>${q}</b></div>
<div>failures tolerated = <var>n</var> − quorum = ${n} − ${q} = <b>${f}</b></div>
<div class="now">now: ${c.up} up; the largest group that can reach each other has ${st.inTouch}: ${now}</div>
</div>
<table class="sizes" aria-label="Quorum and failures tolerated for 1 to 9 members">
${row('n', (k) => k)}${row('quorum', quorumSize)}${row('tolerates', failuresTolerated)}
</table>`;
}

export function statusHtml(c: ClusterSnapshot): string {
  const st = clusterStatus(c);
  const card = (id: string, title: string, ok: boolean, big: string, small: string) =>
    `<div class="status ${ok ? 'ok' : 'bad'}" id="status-${id}" data-ok="${ok}"><div class="title">${title}</div><div class="big">${big}</div><div class="small">${small}</div></div>`;
  const leader =
    c.leader === null
      ? card('leader', 'Leader', false, 'none', st.held ? 'election under way' : 'no quorum: no election can succeed')
      : st.leaderCommits
        ? card('leader', 'Leader', true, escapeHtml(short(c.leader)), `term ${c.term}`)
        : card('leader', 'Leader', false, escapeHtml(short(c.leader)), `term ${c.term}, cannot commit`);
  return [
    card('quorum', 'Quorum', st.held, st.held ? 'held' : 'LOST', `${st.inTouch} of ${c.members.length} in touch, ${c.quorum} needed`),
    leader,
    card('writes', 'API writes', st.writes, st.writes ? 'working' : 'FAILING', st.writes ? 'kubectl apply works' : st.whyNoWrites),
    card('reads', 'API reads', st.reads, st.reads ? 'working' : 'FAILING', st.reads && !st.held ? 'from the watch cache: maybe stale' : st.reads ? 'up to date' : 'no member reachable'),
  ].join('');
}

/** Datacenters side by side, each with its members as buttons that crash or recover them. */
export function boardHtml(config: LabConfig, run: LabRun, history: LabHistory, sel: Selection): string {
  const c = run.state.clusters[0]!;
  const settings = labSettings(applied(history));
  const cut = settings.partition;
  const isCut = (dc: string, i: number) => cut !== null && (cut.datacenters.includes(dc) || cut.members.includes(i));
  const columns = labDatacenters(config).map((dc) => {
    const tiles = c.members
      .map((m, k) => ({ m, i: k + 1 }))
      .filter(({ m }) => m.datacenter === dc)
      .map(({ m, i }) => memberTile(c, m.name, i, isCut(dc, i)))
      .join('');
    const dcCut = cut !== null && cut.datacenters.includes(dc);
    return `<section class="dc${dcCut ? ' cut' : ''}" data-dc="${dc}"><h3>${dc}${dcCut ? ' <span class="tag">cut off</span>' : ''}</h3><div class="tiles">${tiles}</div></section>`;
  });
  return `<div class="dcs">${columns.join('')}</div>${partitionHtml(config, c, cut, sel)}`;
}

/** A member's tile: a button that crashes or recovers it in the free lab, a plain box in a lesson. */
export function memberTile(c: ClusterSnapshot, name: string, i: number, cut: boolean, interactive = true): string {
  const m = c.members[i - 1]!;
  const leads = c.leader === name;
  const inQuorum = c.quorumSide !== null && m.side === c.quorumSide;
  const role = !m.up ? 'down' : leads ? (inQuorum ? 'leader' : 'stale leader') : 'follower';
  const where = inQuorum ? 'in the quorum' : c.quorumSide !== null ? 'cut off from the quorum' : 'no quorum anywhere';
  const note = !m.up ? 'crashed' : leads ? `term ${c.term}${inQuorum ? '' : ', cannot commit'}` : where;
  const icon = !m.up ? '✕' : leads ? '★' : '●';
  const outside = !m.up || inQuorum ? '' : c.quorumSide !== null ? 'outside' : 'stuck';
  const classes = ['member', m.up ? 'up' : 'down', leads ? 'leads' : '', outside, cut ? 'cut' : ''].filter(Boolean).join(' ');
  const action = m.up ? `crash ${short(name)}` : `recover ${short(name)}`;
  const inside = `<span class="icon">${icon}</span><span class="name">${escapeHtml(short(name))}</span><span class="role">${role}</span><span class="note">${note}</span>`;
  if (!interactive) return `<div class="${classes}" data-tile="${i}" data-state="${m.up ? 'up' : 'down'}" data-role="${role}">${inside}</div>`;
  return `<button type="button" class="${classes}" data-member="${i}" data-state="${m.up ? 'up' : 'down'}" data-role="${role}" title="Click (or press ${i}) to ${action}">${inside}</button>`;
}

function partitionHtml(config: LabConfig, c: ClusterSnapshot, cut: { datacenters: readonly string[]; members: readonly number[] } | null, sel: Selection): string {
  if (cut !== null) {
    const what = [...cut.datacenters, ...cut.members.map((i) => `etcd-${i}`)].join(', ');
    return `<div class="partition active"><span>✂ Network cut: <b>${escapeHtml(what)}</b> cannot reach the rest.</span><button type="button" id="heal">Heal the network</button></div>`;
  }
  const chip = (kind: 'dc' | 'member', value: string, label: string, on: boolean) =>
    `<button type="button" class="chip${on ? ' on' : ''}" data-select-${kind}="${value}" aria-pressed="${on}">${escapeHtml(label)}</button>`;
  const dcs = config.datacenters > 1 ? labDatacenters(config).map((d) => chip('dc', d, d, sel.datacenters.includes(d))) : [];
  const members = c.members.map((_m, k) => chip('member', String(k + 1), `etcd-${k + 1}`, sel.members.includes(k + 1)));
  const any = sel.datacenters.length + sel.members.length > 0;
  return `<div class="partition"><span>✂ Cut off:</span>${dcs.join('')}${dcs.length > 0 ? '<span class="sep"></span>' : ''}${members.join('')}<button type="button" id="cut"${any ? '' : ' disabled'}>Cut the network</button></div>`;
}

/**
 * The narration up to now, newest last, as `kubesim explain` prints it (a step's state only when
 * it differs from the state last told); the last step is marked as the current one. A cut's
 * duration is left out: in the lab it lasts until the student heals it, which the scenario can
 * only say as "until the end of the run" (`kubesim explain` of the exported file shows it).
 */
export function logHtml(steps: readonly NarratedStep[]): string {
  const lines = narrationLines(steps);
  const items = steps.map((s, i) => {
    const line = lines[i]!.slice(`t=${s.clock} `.length).replace(/^((?:[^:;]*; )*network partition [^:;]*?) for [^:;]+/, '$1');
    const text = escapeHtml(line)
      .replace(/QUORUM LOST|API writes fail|API writes wait for an election|cannot commit/g, (m) => `<strong class="bad">${m}</strong>`)
      .replace(/API writes work again|wins the election for term \d+/g, (m) => `<strong class="ok">${m}</strong>`);
    return `<li${i === steps.length - 1 ? ' class="current"' : ''}><time>${escapeHtml(s.clock)}</time> ${text}</li>`;
  });
  return `<ol class="log" tabindex="0" aria-label="What happened, step by step">${items.join('')}</ol>`;
}

/** The student's actions with their times; undone ones greyed; each a button that jumps there. */
export function historyHtml(h: LabHistory): string {
  let t = 0;
  const items = h.actions.map((a, i) => {
    const at = t;
    if (a.kind === 'advance') t = advance(t, a.seconds);
    const state = i < h.cursor ? (i === h.cursor - 1 ? 'current' : 'done') : 'undone';
    const text = a.kind === 'configure' ? `⚙ ${configText(a.config)} (same steps)` : actionText(a);
    return `<li class="${state}${a.kind === 'configure' ? ' configure' : ''}"><button type="button" data-jump="${i + 1}"><time>${formatClock(a.kind === 'advance' ? t : at)}</time> ${escapeHtml(text)}</button></li>`;
  });
  const start = `<li class="${h.cursor === 0 ? 'current' : 'done'}"><button type="button" data-jump="0"><time>${formatClock(0)}</time> start: ${escapeHtml(configText(h.config))}</button></li>`;
  return `<ol class="history">${start}${items.join('')}</ol>`;
}

/** A configuration in a few words: "5 members, 3 datacenters, pre-vote on, seed 1". */
export function configText(c: LabConfig): string {
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  return `${plural(c.members, 'member')}, ${plural(c.datacenters, 'datacenter')}, pre-vote ${c.preVote ? 'on' : 'off'}, seed ${c.seed}`;
}

export function actionText(a: LabAction): string {
  switch (a.kind) {
    case 'advance':
      return `time passes: +${formatDuration(a.seconds)}`;
    case 'crash':
      return `crash etcd-${a.member}`;
    case 'recover':
      return `recover etcd-${a.member}`;
    case 'partition':
      return `cut off ${[...a.datacenters, ...a.members.map((i) => `etcd-${i}`)].join(', ')}`;
    case 'heal':
      return 'heal the network';
  }
}

/** The buttons 1 … max of a setup picker, the current one pressed. */
export function segmentHtml(name: string, max: number, current: number): string {
  let html = '';
  for (let k = 1; k <= max; k++) html += `<button type="button" data-${name}="${k}" class="${k === current ? 'on' : ''}" aria-pressed="${k === current}" aria-label="${k} ${name}">${k}</button>`;
  return html;
}

/** The times of the student's steps other than waiting, for the timeline's marks. */
export function historyMarks(actions: readonly LabAction[]): { t: number; label: string }[] {
  const out: { t: number; label: string }[] = [];
  let t = 0;
  for (const a of actions) {
    if (a.kind === 'advance') t = advance(t, a.seconds);
    else out.push({ t, label: `${formatClock(t)} ${actionText(a)}` });
  }
  return out;
}
