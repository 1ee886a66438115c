/** What happened in one step, one phrase per cause: the first half of a narrated line. */
import type { TraceEvent } from '../../model/Trace.js';
import { FAULT_KINDS } from '../../scenario/faults/faultKinds.js';
import { groupsText, mentions, type Shorten } from './phrases.js';
import { hostList, workerNoteGroups, workersLabel, type WorkerNotes, type WorkerPlaces } from './workerGroups.js';

export interface HappenedOptions {
  /** Where the workers run: with it, many workers of a datacenter are told as a count ("40 workers in dc-b"). */
  readonly places?: WorkerPlaces;
  /** Name every worker all the same (each host once per step). */
  readonly verbose?: boolean;
}

type Phrase =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'hosts'; readonly head: string; readonly members: string[]; readonly up: boolean }
  | { readonly kind: 'notes'; readonly notes: WorkerNotes };

/**
 * One phrase per cause, in the order the model recorded them. Components that went down or came
 * back for the same cause are told once, with the list of those it touched when the cause does
 * not name them all ("cp-1 crashes (cp-1, etcd-1 down)"); in that list, and in notes that say
 * the same of many workers of a datacenter, more than a few workers are told as a count per
 * datacenter (workerGroups.ts), so that no host is listed twice in a step. The scripted fault
 * that caused a crash or an outage is left out when its effect is told.
 */
export function happenedPhrases(events: readonly TraceEvent[], short: Shorten, o: HappenedOptions = {}): string[] {
  const phrases: Phrase[] = [];
  const byCause = new Map<string, Phrase & { kind: 'hosts' }>();
  const hasEffect = events.some((e) => e.kind === 'component' || e.kind === 'datacenter');
  const partitionFault = events.some((e) => e.kind === 'fault' && e.fault === 'partition');
  const noteGroups = workerNoteGroups(events.map((e) => (e.kind === 'note' ? e.text : undefined)), o.places);
  const add = (text: string) => phrases.push({ kind: 'text', text });
  events.forEach((e, i) => {
    switch (e.kind) {
      case 'fault':
        if (hasEffect && FAULT_KINDS[e.fault].toldByItsEffect) break;
        add(short(e.text));
        break;
      case 'partition':
        if (e.active && partitionFault) break;
        add(short(e.active ? `network partition ${groupsText(e.groups)}` : `the partition ${groupsText(e.groups)} heals`));
        break;
      case 'datacenter':
      case 'component': {
        const key = `${e.up}|${e.cause}`;
        let group = byCause.get(key);
        if (group === undefined) {
          group = { kind: 'hosts', head: causeHead(e.cause, short), members: [], up: e.up };
          byCause.set(key, group);
          phrases.push(group);
        }
        if (e.kind === 'component') group.members.push(e.name);
        break;
      }
      case 'leader':
        add(short(e.reason));
        break;
      case 'note': {
        const g = noteGroups.get(i);
        if (g === undefined) add(short(e.text));
        else if (g !== null) phrases.push({ kind: 'notes', notes: g });
        break;
      }
      case 'signal':
        break;
    }
  });
  const listed = new Set<string>();
  const verbose = o.verbose === true;
  return phrases.map((p) => {
    if (p.kind === 'text') return p.text;
    if (p.kind === 'notes') return notesPhrase(p.notes, short, o.places!, verbose, listed);
    const unnamed = p.members.filter((m) => !mentions(p.head, short(m)));
    if (unnamed.length === 0) return p.head;
    for (const m of p.members) listed.add(m);
    return `${p.head} (${hostList(p.members, o.places, short, verbose)} ${p.up ? 'back up' : 'down'})`;
  });
}

/**
 * Many workers' notes as one: `each of 40 workers in dc-b: its kubelet renews its lease again:
 * Ready` when they say the same, else `39 workers in dc-b, like worker-2: ...` (the first one's
 * numbers). Verbose names the workers not already listed in the step.
 */
function notesPhrase(g: WorkerNotes, short: Shorten, places: WorkerPlaces, verbose: boolean, listed: Set<string>): string {
  const label = workersLabel(g.workers.length, g.cluster, g.datacenter, places);
  const unlisted = verbose ? g.workers.filter((w) => !listed.has(w)) : [];
  for (const w of unlisted) listed.add(w);
  const list = unlisted.length > 0 ? ` (${unlisted.map(short).join(', ')})` : '';
  const same = g.texts.every((t) => t === g.texts[0]);
  return same ? `each of ${label}${list}: ${short(g.texts[0]!)}` : `${label}${list}, like ${short(g.workers[0]!)}: ${short(g.texts[0]!)}`;
}

/**
 * A cause as the narration says it: a crash fault's start and end read `etcd-2 crashes` and
 * `etcd-2 restarts`, whether a scenario file scripted it or a student clicked it in the lab
 * (random failures say `fails` and `is repaired`).
 */
function causeHead(cause: string, short: Shorten): string {
  const crash = /^scripted crash of (\S+)$/.exec(cause);
  if (crash) return `${short(crash[1]!)} crashes`;
  const restart = /^(\S+) restarts after its scripted crash$/.exec(cause);
  return restart ? `${short(restart[1]!)} restarts` : short(cause);
}
