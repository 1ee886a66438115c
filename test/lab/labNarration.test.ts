/** The lab's narration list reads as `kubesim explain` prints: the student's clicks in the same words, the state only when it changed. */
import { describe, expect, it } from 'vitest';
import { labRun } from '../../src/lab/labRun.js';
import type { LabAction } from '../../src/lab/labScenario.js';
import { logHtml } from '../../src/lab/render.js';

const CONFIG = { members: 3, datacenters: 3, seed: 1, preVote: true };
const items = (html: string) => [...html.matchAll(/<li[^>]*><time>[^<]*<\/time> (.*?)<\/li>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').replace(/&#39;/g, "'"));

describe('the lab narration', () => {
  it('should say a member the student recovered restarts, not that it restarts after a scripted crash', () => {
    const actions: LabAction[] = [
      { kind: 'advance', seconds: 2 },
      { kind: 'crash', member: 3 },
      { kind: 'advance', seconds: 2 },
      { kind: 'recover', member: 3 },
      { kind: 'advance', seconds: 2 },
    ];
    const lines = items(logHtml(labRun(CONFIG, actions).narrated));
    expect(lines.some((l) => l.startsWith('etcd-3 crashes: '))).toBe(true);
    expect(lines.some((l) => l.startsWith('etcd-3 restarts: 3 of 3 members up'))).toBe(true);
    expect(lines.join('\n')).not.toContain('scripted');
  });

  it('should leave the state off a line where it did not change (the leases given up after quorum is lost)', () => {
    const actions: LabAction[] = [
      { kind: 'crash', member: 2 },
      { kind: 'crash', member: 3 },
      { kind: 'advance', seconds: 30 },
    ];
    const lines = items(logHtml(labRun(CONFIG, actions).narrated));
    const lease = lines.filter((l) => /gives it up/.test(l));
    expect(lease.length).toBeGreaterThan(0);
    for (const l of lease) expect(l).not.toMatch(/members up|QUORUM LOST/);
  });
});
