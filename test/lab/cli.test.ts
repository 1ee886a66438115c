/** `kubesim lab` as users run it: writing the page, serving it on 127.0.0.1, and its bad flags. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { kubesimInProcess } from '../cli/inProcess.js';

const CLI = 'dist/cli/main.js';

// `npm test` builds dist/ first; a bare `vitest run` before any build has no CLI to spawn.
describe.skipIf(!existsSync(CLI))('kubesim lab (the built CLI; run `npm run build` first)', () => {
  it('should write one self-contained page that loads nothing from the network', async () => {
    const out = 'test-output/lab-cli/quorum-lab.html';
    rmSync('test-output/lab-cli', { recursive: true, force: true });
    const r = await kubesimInProcess(['lab', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`Quorum lab: ${out} (open it in a browser; it needs no network)\n`);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<title>Quorum lab · kubesim</title>');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\/(?!www\.w3\.org)/);
    // The bundled code, and the lessons as JSON data.
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    // docs/teaching.md says "under 250 KB with the lessons".
    expect(Buffer.byteLength(html)).toBeLessThan(250 * 1024);
    expect(readFileSync('docs/teaching.md', 'utf8')).toContain('under 250 KB with the lessons');
  });

  it('should exit 2 for --port without --serve, or a port out of range', async () => {
    for (const flags of [['--port', '8080'], ['--serve', '--port', '70000']]) {
      const r = await kubesimInProcess(['lab', ...flags]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^kubesim: --port: /);
    }
  });

  it('should open on a lesson, or on a scenario of one\'s own, through the page\'s start state', async () => {
    rmSync('test-output/lab-cli', { recursive: true, force: true });
    const lesson = await kubesimInProcess(['lab', '--out', 'test-output/lab-cli/l.html', '--lesson', '3']);
    expect(lesson.code).toBe(0);
    expect(lesson.stdout).toContain('opening on lesson 3: The even-size trap');
    expect(readFileSync('test-output/lab-cli/l.html', 'utf8')).toContain('<meta name="kubesim-lab-start" content="v=1&amp;c=m3d3p1s1&amp;l=03-even-size-trap&amp;ls=0">');
    const own = await kubesimInProcess(['lab', '--out', 'test-output/lab-cli/s.html', '--scenario', 'scenarios/az-partition.yaml']);
    expect(own.code).toBe(0);
    const html = readFileSync('test-output/lab-cli/s.html', 'utf8');
    expect(html).toContain('l=scenario&amp;ls=0');
    expect(html).toContain('The network splits: [az-a] | [az-b, az-c] cannot reach the rest for 20m.');
  });

  it.each([
    [['--lesson', '9'], "kubesim: --lesson: expected a lesson number from 1 to 8 or a lesson's name (e.g. 01-lose-one-of-three), found '9'"],
    [['--lesson', '1', '--scenario', 'scenarios/az-partition.yaml'], 'kubesim: --lesson and --scenario: give one or the other'],
    [['--scenario', 'scenarios/federation.yaml'], 'kubesim: --scenario scenarios/federation.yaml: the run lasts longer than a week (the lab replays it in the browser); narrate it with kubesim explain --from --to'],
    [['--scenario', 'test-output/no-such-file.yaml'], 'kubesim: test-output/no-such-file.yaml: cannot read the file: no such file'],
  ])('should refuse %j in one line with exit 2, writing nothing', async (flags, line) => {
    const out = 'test-output/lab-cli/refused.html';
    rmSync(out, { force: true });
    const r = await kubesimInProcess(['lab', '--out', out, ...flags]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${line}\n`);
    expect(existsSync(out)).toBe(false);
  });

  // A server still running when a test ends (even by its timeout) is stopped here.
  let server: ChildProcess | undefined;
  afterEach(() => {
    if (server !== undefined && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
    server = undefined;
  });

  it('should serve the page on 127.0.0.1 and stop on SIGTERM', async () => {
    const child = spawn(process.execPath, [CLI, 'lab', '--serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    server = child;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      // Wait for the line the server prints once it listens; no race against a clock of our own.
      // The test's timeout (below) bounds the wait; `finally` and afterEach stop the server.
      const url = await new Promise<string>((resolve, reject) => {
        let text = '';
        child.stdout.on('data', (d: Buffer) => {
          text += d.toString();
          const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(text);
          if (m) resolve(m[0]);
        });
        void exited.then((code) => reject(new Error(`kubesim lab exited with ${code} before serving`)));
      });
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await page.text()).toContain('<h1>Quorum lab</h1>');
      expect((await fetch(`${url}nothing-here`)).status).toBe(404);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 300_000);
});
