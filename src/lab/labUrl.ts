/**
 * The lab's whole state as a URL fragment, so that a link reopens exactly the same situation,
 * offline (a fragment never leaves the browser). Compact and readable:
 *
 *   #v=1&c=m3d3p1s1&s=w10,x2,w10,x3,@m4d3p1s1&at=5&vs=m4d3p1s1&l=03-even-size-trap&ls=2&la=0.1
 *
 * `c` the starting configuration (members, datacenters, pre-vote 0/1, seed); `s` the steps:
 * `w<seconds>` time passes, `x<i>` crash etcd-i, `r<i>` recover it, `c<places>` cut off these
 * datacenters and members (joined by `.`), `h` heal, `@<config>` change the configuration;
 * `at` the cursor (default: after the last step); `vs` the configurations compared side by side
 * (joined by `;`); `p=1` presenter mode; `l`, `ls`, `la` the lesson followed, its step and the
 * answers given so far (a choice number or `-`, joined by `.`).
 */
import { LAB_DEFAULTS, LAB_HORIZON, type LabConfig } from './labScenario.js';
import type { LabHistory, LabStep } from './labHistory.js';

export interface LessonProgress {
  readonly id: string;
  /** The step shown, from 0. */
  readonly step: number;
  /** Per step so far, the choice the student predicted (null: not answered). */
  readonly answers: readonly (number | null)[];
}

export interface LabState {
  readonly history: LabHistory;
  /** Other configurations driven by the same steps, side by side (at most MAX_COMPARE). */
  readonly compare: readonly LabConfig[];
  readonly presenter: boolean;
  readonly lesson: LessonProgress | null;
}

export type Decoded = { readonly ok: true; readonly state: LabState } | { readonly ok: false; readonly problem: string };

export const MAX_COMPARE = 2;
/** Bounds that keep a pasted link from making the page run for minutes. */
export const MAX_STEPS = 2000;
const MAX_SEED = Number.MAX_SAFE_INTEGER;
const DATACENTERS = ['dc-a', 'dc-b', 'dc-c'];
const LESSON_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function initialState(config: LabConfig = LAB_DEFAULTS): LabState {
  return { history: { config, actions: [], cursor: 0 }, compare: [], presenter: false, lesson: null };
}

export function encodeConfig(c: LabConfig): string {
  return `m${c.members}d${c.datacenters}p${c.preVote ? 1 : 0}s${c.seed}`;
}

function encodeStep(s: LabStep): string {
  switch (s.kind) {
    case 'advance':
      return `w${s.seconds}`;
    case 'crash':
      return `x${s.member}`;
    case 'recover':
      return `r${s.member}`;
    case 'partition':
      return `c${[...s.datacenters, ...s.members.map(String)].join('.')}`;
    case 'heal':
      return 'h';
    case 'configure':
      return `@${encodeConfig(s.config)}`;
  }
}

/** The fragment, without its `#`. Parts at their defaults are left out. */
export function encodeLabState(st: LabState): string {
  const h = st.history;
  const parts = ['v=1', `c=${encodeConfig(h.config)}`];
  if (h.actions.length > 0) parts.push(`s=${h.actions.map(encodeStep).join(',')}`);
  if (h.cursor !== h.actions.length) parts.push(`at=${h.cursor}`);
  if (st.compare.length > 0) parts.push(`vs=${st.compare.map(encodeConfig).join(';')}`);
  if (st.presenter) parts.push('p=1');
  if (st.lesson !== null) {
    parts.push(`l=${st.lesson.id}`, `ls=${st.lesson.step}`);
    if (st.lesson.answers.length > 0) parts.push(`la=${st.lesson.answers.map((a) => (a === null ? '-' : String(a))).join('.')}`);
  }
  return parts.join('&');
}

class BadLink extends Error {}

function int(text: string, what: string, min: number, max: number): number {
  if (!/^\d{1,16}$/.test(text)) throw new BadLink(`${what}: expected a whole number, found '${text.slice(0, 20)}'`);
  const n = Number(text);
  if (n < min || n > max) throw new BadLink(`${what}: expected ${min} to ${max}, found ${n}`);
  return n;
}

export function decodeConfig(text: string): LabConfig {
  const m = /^m(\d+)d(\d+)p([01])s(\d+)$/.exec(text);
  if (m === null) throw new BadLink(`configuration: expected e.g. m3d3p1s1, found '${text.slice(0, 30)}'`);
  return { members: int(m[1]!, 'members', 1, 9), datacenters: int(m[2]!, 'datacenters', 1, 3), preVote: m[3] === '1', seed: int(m[4]!, 'seed', 0, MAX_SEED) };
}

function decodeStep(text: string): LabStep {
  const rest = text.slice(1);
  switch (text[0]) {
    case 'w': {
      if (!/^\d{1,5}(\.\d{1,3})?$/.test(rest)) throw new BadLink(`step '${text.slice(0, 20)}': expected seconds, e.g. w2 or w0.5`);
      const seconds = Number(rest);
      if (!(seconds > 0 && seconds <= LAB_HORIZON)) throw new BadLink(`step '${text}': expected more than 0 and at most ${LAB_HORIZON} seconds`);
      return { kind: 'advance', seconds };
    }
    case 'x':
      return { kind: 'crash', member: int(rest, `step '${text}'`, 1, 9) };
    case 'r':
      return { kind: 'recover', member: int(rest, `step '${text}'`, 1, 9) };
    case 'h':
      if (rest !== '') throw new BadLink(`step '${text.slice(0, 20)}': expected h`);
      return { kind: 'heal' };
    case 'c': {
      const items = rest === '' ? [] : rest.split('.');
      const datacenters = items.filter((i) => i.startsWith('dc-'));
      for (const d of datacenters) if (!DATACENTERS.includes(d)) throw new BadLink(`step '${text.slice(0, 30)}': no datacenter '${d.slice(0, 10)}'`);
      const members = items.filter((i) => !i.startsWith('dc-')).map((i) => int(i, `step '${text.slice(0, 30)}'`, 1, 9));
      if (items.slice(0, datacenters.length).some((i) => !i.startsWith('dc-'))) throw new BadLink(`step '${text.slice(0, 30)}': datacenters come before members`);
      return { kind: 'partition', datacenters, members };
    }
    case '@':
      return { kind: 'configure', config: decodeConfig(rest) };
    default:
      throw new BadLink(`step '${text.slice(0, 20)}': expected w, x, r, c, h or @ first`);
  }
}

/** Reads a fragment (with or without its `#`); every problem is a message, never an exception. */
export function decodeLabState(fragment: string): Decoded {
  try {
    return { ok: true, state: decode(fragment.replace(/^#/, '')) };
  } catch (e) {
    if (e instanceof BadLink) return { ok: false, problem: e.message };
    throw e;
  }
}

function decode(text: string): LabState {
  const parts = new Map<string, string>();
  for (const part of text.split('&')) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    if (parts.has(key)) throw new BadLink(`'${key.slice(0, 10)}' is given twice`);
    parts.set(key, eq < 0 ? '' : unescape(part.slice(eq + 1)));
  }
  if (parts.get('v') !== '1') throw new BadLink('not a quorum lab link of this version (expected v=1 first)');
  for (const key of parts.keys()) if (!['v', 'c', 's', 'at', 'vs', 'p', 'l', 'ls', 'la'].includes(key)) throw new BadLink(`unknown part '${key.slice(0, 10)}'`);
  const config = parts.has('c') ? decodeConfig(parts.get('c')!) : LAB_DEFAULTS;
  const s = parts.get('s') ?? '';
  const steps = s === '' ? [] : s.split(',');
  if (steps.length > MAX_STEPS) throw new BadLink(`${steps.length} steps: at most ${MAX_STEPS}`);
  const actions = steps.map(decodeStep);
  const cursor = parts.has('at') ? int(parts.get('at')!, 'at', 0, actions.length) : actions.length;
  const vs = parts.get('vs') ?? '';
  const compare = vs === '' ? [] : vs.split(';').map(decodeConfig);
  if (compare.length > MAX_COMPARE) throw new BadLink(`vs: at most ${MAX_COMPARE} configurations to compare`);
  const p = parts.get('p');
  if (p !== undefined && p !== '1' && p !== '0') throw new BadLink(`p: expected 1 or 0, found '${p.slice(0, 10)}'`);
  return { history: { config, actions, cursor }, compare, presenter: p === '1', lesson: decodeLesson(parts) };
}

/** A value as a browser may have escaped it in the address bar. */
function unescape(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new BadLink(`'${text.slice(0, 20)}': malformed %-escape`);
  }
}

function decodeLesson(parts: Map<string, string>): LessonProgress | null {
  const id = parts.get('l');
  if (id === undefined) {
    if (parts.has('ls') || parts.has('la')) throw new BadLink('ls and la need l (the lesson)');
    return null;
  }
  if (!LESSON_ID.test(id)) throw new BadLink(`l: not a lesson name: '${id.slice(0, 30)}'`);
  const step = parts.has('ls') ? int(parts.get('ls')!, 'ls', 0, 99) : 0;
  const la = parts.get('la') ?? '';
  const answers = la === '' ? [] : la.split('.').map((a) => (a === '-' ? null : int(a, 'la', 0, 9)));
  if (answers.length > 100) throw new BadLink('la: at most 100 answers');
  return { id, step, answers };
}
