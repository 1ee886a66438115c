/** A client that puts a key every few milliseconds to the members in turn over etcd's HTTP gateway, and records every request's fate. */
import http from 'node:http';
import { performance } from 'node:perf_hooks';

// Keep-alive, as a real client holds its connections: a killed member's sockets reset at once,
// a frozen member's hang (nothing answers them) until the request's own timeout.
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

/** Seconds on a monotonic clock, the time base of every record. */
export const now = () => performance.now() / 1000;

/**
 * POSTs a JSON body and resolves (never rejects) with `{ ok, body?, error? }`: ok is HTTP 200
 * with a JSON body carrying no error; `error` is the socket error code, 'timeout', or the
 * gateway's error message (`etcdserver: request timed out`, `etcdserver: leader changed`).
 */
export function postJson(url, body, timeoutMs) {
  return new Promise((resolve) => {
    let settled = false;
    const done = (r) => {
      if (!settled) {
        settled = true;
        resolve(r);
      }
    };
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('error', (e) => done({ ok: false, error: e.code ?? e.message }));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed = null;
        try {
          parsed = JSON.parse(text);
        } catch {
          // A non-JSON answer is an error; its first words say which.
        }
        if (res.statusCode === 200 && parsed !== null && parsed.error === undefined) done({ ok: true, body: parsed });
        else done({ ok: false, error: parsed?.error ?? parsed?.message ?? `HTTP ${res.statusCode} ${text.slice(0, 60)}` });
      });
    });
    req.setTimeout(timeoutMs, () => {
      done({ ok: false, error: 'timeout' });
      req.destroy();
    });
    req.on('error', (e) => done({ ok: false, error: e.code ?? e.message }));
    req.end(JSON.stringify(body));
  });
}

/** Base64 of a short ASCII string, as the gateway's JSON wants keys and values. */
const b64 = (s) => Buffer.from(s).toString('base64');

/**
 * Life cycle: `start` sends a put every `periodMs` to the next member in round robin (the
 * cluster's members that are meant to be up, all of them: a client that retries everywhere),
 * each with its own timeout and without waiting for earlier ones; `stop` stops sending; the
 * records of requests still pending fill in as they settle. `records` grows for the life of
 * the load, so a round calls `reset` between rounds.
 */
export class WriteLoad {
  constructor(cluster, { periodMs = 5, timeoutMs = 10_000 } = {}) {
    this.cluster = cluster;
    this.periodMs = periodMs;
    this.timeoutMs = timeoutMs;
    this.records = [];
    this.next = 0;
    this.seq = 0;
    this.timer = null;
  }

  start() {
    this.timer = setInterval(() => this.sendOne(), this.periodMs);
  }

  sendOne() {
    const member = this.next;
    this.next = (this.next + 1) % this.cluster.n;
    const rec = { member, start: now(), end: NaN, ok: false, error: '' };
    this.records.push(rec);
    const seq = this.seq++;
    postJson(this.cluster.url(member, '/v3/kv/put'), { key: b64(`calibrate/${seq % 64}`), value: b64(String(seq)) }, this.timeoutMs).then((r) => {
      rec.end = now();
      rec.ok = r.ok;
      rec.error = r.ok ? '' : String(r.error);
    });
  }

  pending() {
    return this.records.filter((r) => Number.isNaN(r.end)).length;
  }

  reset() {
    this.records = this.records.filter((r) => Number.isNaN(r.end));
  }

  stop() {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}
