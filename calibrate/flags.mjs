/** The flags of `npm run calibrate`, checked into a typed plan; a bad flag is one line and exit code 2. */

export const CASES = ['leader-kill', 'follower-kill', 'majority-down', 'leader-freeze'];
/** Bounds that keep a run on a shared machine short: rounds per case and the wall-clock cap. */
export const MAX_ROUNDS = 200;
export const MAX_MINUTES = 120;
export const MAX_REPLICATIONS = 100_000;

/**
 * Rounds per case when --rounds is not given: leader-kill, the case issue 11 checks, gets the
 * most; the others cost more per round (a majority-down round lasts about 20 s, a freeze about
 * 13 s, a leader kill about 9 s: each waits for the last requests' 7 s timeouts), so that a
 * default run of both sizes ends in about 13 minutes, inside the default cap.
 */
export const DEFAULT_ROUNDS = { 'leader-kill': 20, 'follower-kill': 5, 'majority-down': 4, 'leader-freeze': 8 };

export const DEFAULTS = {
  rounds: undefined,
  members: [3, 5],
  cases: CASES.map((name) => ({ name, rounds: undefined })),
  maxMinutes: 15,
  out: 'calibrate/results.csv',
  gapsOut: 'calibrate/etcd-gaps.csv',
  replications: 2000,
  skipEtcd: false,
  append: false,
};

export class FlagError extends Error {}

function positiveInt(flag, text, max) {
  if (!/^\d+$/.test(text ?? '') || Number(text) < 1 || Number(text) > max) {
    throw new FlagError(`calibrate: ${flag} expects a whole number from 1 to ${max}, found '${text ?? ''}'`);
  }
  return Number(text);
}

/**
 * Reads argv (without node and the script). `--rounds N` sets every case's rounds; `--cases`
 * takes names, each optionally with its own round count (`leader-kill=40,follower-kill`), so
 * that the case that matters most can run longer in the same bounded run.
 * @param {readonly string[]} argv
 */
export function parseFlags(argv) {
  const plan = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const takeValue = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new FlagError(`calibrate: ${flag} expects a value`);
      return v;
    };
    switch (flag) {
      case '--rounds': plan.rounds = positiveInt(flag, takeValue(), MAX_ROUNDS); break;
      case '--max-minutes': plan.maxMinutes = positiveInt(flag, takeValue(), MAX_MINUTES); break;
      case '--replications': plan.replications = positiveInt(flag, takeValue(), MAX_REPLICATIONS); break;
      case '--out': plan.out = takeValue(); break;
      case '--gaps-out': plan.gapsOut = takeValue(); break;
      case '--skip-etcd': plan.skipEtcd = true; break;
      case '--append': plan.append = true; break;
      case '--members': {
        const v = takeValue();
        const members = v.split(',').map((m) => m.trim());
        if (members.some((m) => m !== '3' && m !== '5') || new Set(members).size !== members.length) {
          throw new FlagError(`calibrate: --members expects 3, 5 or 3,5, found '${v}'`);
        }
        plan.members = members.map(Number);
        break;
      }
      case '--cases': {
        const v = takeValue();
        plan.cases = v.split(',').map((item) => {
          const [name, rounds] = item.trim().split('=');
          if (!CASES.includes(name)) throw new FlagError(`calibrate: --cases expects names from ${CASES.join(', ')} (optionally name=rounds), found '${item}'`);
          return { name, rounds: rounds === undefined ? undefined : positiveInt(`--cases ${name}=`, rounds, MAX_ROUNDS) };
        });
        if (new Set(plan.cases.map((c) => c.name)).size !== plan.cases.length) throw new FlagError(`calibrate: --cases names a case twice: '${v}'`);
        break;
      }
      default:
        throw new FlagError(`calibrate: unknown flag '${flag}'; known: --rounds N, --members 3,5, --cases a[=N],b, --max-minutes M, --out FILE, --gaps-out FILE, --replications N, --skip-etcd, --append`);
    }
  }
  plan.cases = plan.cases.map((c) => ({ name: c.name, rounds: c.rounds ?? plan.rounds ?? DEFAULT_ROUNDS[c.name] }));
  return plan;
}
