/** Real etcd members on 127.0.0.1, started, killed, frozen and restarted by pid, with their data in one temp folder. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { postJson } from './WriteLoad.mjs';

export const ETCD = '/usr/bin/etcd';
/** etcd 3.4's defaults, written out so that a change of default cannot change the measurement (etcd docs "Tuning"). */
export const TIMINGS = { heartbeatMs: 100, electionMs: 1000, preVote: false };

/** Installs Debian's etcd-server when /usr/bin/etcd is missing, as .ci/run installs chromium. */
export function ensureEtcd() {
  if (existsSync(ETCD)) return;
  if (process.getuid?.() !== 0) throw new Error(`calibrate: ${ETCD} is missing and installing it needs root: run 'apt-get install -y etcd-server' as root`);
  console.log('calibrate: installing etcd-server (Debian) ...');
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'etcd-server']]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status !== 0) throw new Error(`calibrate: apt-get ${args.join(' ')} failed (exit ${r.status})`);
  }
}

export function etcdVersion() {
  const r = spawnSync(ETCD, ['--version'], { encoding: 'utf8' });
  return /etcd Version: (\S+)/.exec(r.stdout ?? '')?.[1] ?? 'unknown';
}

/** A free loopback port: bind port 0, read it, close (a tiny race with other programs, acceptable here). */
async function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/**
 * Life cycle: `start` spawns n members and waits for a leader; members are then killed
 * (SIGKILL), frozen (SIGSTOP/SIGCONT) and restarted on the same data dir; `shutdown` kills
 * every process still alive by its pid (after SIGCONT, so a stopped one can die) and removes
 * the temp folder. Every pid ever spawned is in `live` until it exits.
 */
export class EtcdCluster {
  /** @param {number} n */
  constructor(n) {
    this.n = n;
    this.dir = mkdtempSync(join(tmpdir(), `kubesim-calibrate-${n}-`));
    this.members = [];
    /** @type {Set<import('node:child_process').ChildProcess>} */
    this.live = new Set();
  }

  async start() {
    for (let i = 0; i < this.n; i++) {
      this.members.push({ name: `m${i + 1}`, clientPort: await freePort(), peerPort: await freePort(), proc: null, id: null, frozen: false });
    }
    for (let i = 0; i < this.n; i++) this.spawnMember(i);
    await this.waitHealthy(30_000);
  }

  spawnMember(i) {
    const m = this.members[i];
    const initialCluster = this.members.map((x) => `${x.name}=http://127.0.0.1:${x.peerPort}`).join(',');
    const args = [
      '--name', m.name, '--data-dir', join(this.dir, m.name),
      '--listen-client-urls', `http://127.0.0.1:${m.clientPort}`, '--advertise-client-urls', `http://127.0.0.1:${m.clientPort}`,
      '--listen-peer-urls', `http://127.0.0.1:${m.peerPort}`, '--initial-advertise-peer-urls', `http://127.0.0.1:${m.peerPort}`,
      '--initial-cluster', initialCluster, '--initial-cluster-state', 'new', '--initial-cluster-token', `calibrate-${this.n}`,
      '--heartbeat-interval', String(TIMINGS.heartbeatMs), '--election-timeout', String(TIMINGS.electionMs),
      `--pre-vote=${TIMINGS.preVote}`, '--logger', 'zap', '--log-outputs', 'stderr',
    ];
    const log = openSync(join(this.dir, `${m.name}.log`), 'a');
    const proc = spawn(ETCD, args, { stdio: ['ignore', log, log] });
    closeSync(log);
    this.live.add(proc);
    proc.once('exit', () => this.live.delete(proc));
    m.proc = proc;
    m.frozen = false;
  }

  url(i, path) {
    return `http://127.0.0.1:${this.members[i].clientPort}${path}`;
  }

  /** Each member's status, or null where it does not answer (killed, frozen, starting). */
  async statuses(timeoutMs = 500) {
    return Promise.all(this.members.map(async (m, i) => {
      if (m.proc === null || m.frozen) return null;
      const r = await postJson(this.url(i, '/v3/maintenance/status'), {}, timeoutMs);
      if (!r.ok) return null;
      m.id = r.body.header.member_id;
      return { leader: r.body.leader, term: Number(r.body.raftTerm), id: r.body.header.member_id };
    }));
  }

  /** The index of the leader that every answering member agrees on, and its term; null if none. */
  async leader() {
    const st = await this.statuses();
    const up = st.filter((s) => s !== null);
    if (up.length === 0 || up.some((s) => s.leader !== up[0].leader || s.leader === '0')) return null;
    const index = this.members.findIndex((m) => m.id === up[0].leader);
    return index < 0 ? null : { index, term: Math.max(...up.map((s) => s.term)) };
  }

  /** Waits until every running member answers, all agree on a leader and a write commits. */
  async waitHealthy(timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const st = await this.statuses();
      const running = this.members.filter((m) => m.proc !== null);
      const lead = await this.leader();
      if (st.filter((s) => s !== null).length === running.length && lead !== null) {
        const put = await postJson(this.url(lead.index, '/v3/kv/put'), { key: 'aGVhbHRo', value: 'b2s=' }, 2000);
        if (put.ok) return lead;
      }
      await sleep(100);
    }
    throw new Error(`calibrate: the ${this.n}-member etcd did not become healthy within ${timeoutMs / 1000} s (logs in ${this.dir})`);
  }

  kill(i) {
    const m = this.members[i];
    if (m.proc === null) return;
    if (m.frozen) m.proc.kill('SIGCONT');
    m.proc.kill('SIGKILL');
    m.proc = null;
    m.frozen = false;
  }

  freeze(i) {
    this.members[i].proc.kill('SIGSTOP');
    this.members[i].frozen = true;
  }

  thaw(i) {
    this.members[i].proc.kill('SIGCONT');
    this.members[i].frozen = false;
  }

  /** Restarts a killed member on its data dir, once its old process has exited (its ports freed). */
  async restart(i) {
    while ([...this.live].some((p) => p.spawnargs.includes(join(this.dir, this.members[i].name)))) await sleep(20);
    this.spawnMember(i);
  }

  /** Kills every process still alive by its pid and removes the temp folder; safe to call twice. */
  shutdown() {
    for (const p of this.live) {
      try {
        process.kill(p.pid, 'SIGCONT');
        process.kill(p.pid, 'SIGKILL');
      } catch {
        // Already gone: nothing to stop.
      }
    }
    for (const m of this.members) m.proc = null;
    rmSync(this.dir, { recursive: true, force: true });
  }
}
