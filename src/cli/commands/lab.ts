/** `kubesim lab`: writes the quorum lab page, or serves it on 127.0.0.1 for a class. */
import { createServer } from 'node:http';
import { labPage } from '../../lab/labPage.js';
import { InputError } from '../errors.js';
import { DEFAULT_LAB_FILE, DEFAULT_LAB_PORT } from '../labDefaults.js';
import { intFlag } from '../flags.js';
import { bundleLab } from '../labBundle.js';
import { checkLabFile, writeLabFile } from '../labFile.js';
import { pickLesson, scenarioLesson, shippedLessons } from '../labLessons.js';
import { encodeLabState, initialState } from '../../lab/labUrl.js';

export interface LabFlags {
  readonly out?: string;
  readonly serve?: boolean;
  readonly port?: string;
  readonly lesson?: string;
  readonly scenario?: string;
}


export async function labCommand(flags: LabFlags): Promise<void> {
  const port = flags.port === undefined ? DEFAULT_LAB_PORT : intFlag('--port', flags.port, 0, 65535);
  if (flags.port !== undefined && !flags.serve) throw new InputError('--port: only with --serve');
  const file = !flags.serve || flags.out !== undefined ? (flags.out ?? DEFAULT_LAB_FILE) : undefined;
  if (flags.lesson !== undefined && flags.scenario !== undefined) throw new InputError('--lesson and --scenario: give one or the other');
  if (file !== undefined) checkLabFile(file);
  const lessons = shippedLessons();
  const opened = flags.scenario !== undefined ? scenarioLesson(flags.scenario) : flags.lesson !== undefined ? pickLesson(lessons, flags.lesson) : undefined;
  // The page opens on the lesson when its address has no fragment of its own.
  const start = opened === undefined ? undefined : encodeLabState({ ...initialState(), lesson: { id: opened.id, step: 0, answers: [] } });
  const all = opened?.id === 'scenario' ? [...lessons, opened] : lessons;
  const html = labPage(await bundleLab(), { lessons: all, ...(start === undefined ? {} : { start }) });
  if (file !== undefined) {
    await writeLabFile(file, html);
    const on = opened === undefined ? '' : `, opening on ${opened.number > 0 ? `lesson ${opened.number}` : 'the scenario'}: ${opened.scenario.lesson.title}`;
    process.stdout.write(`Quorum lab: ${file} (open it in a browser; it needs no network)${on}\n`);
  }
  if (flags.serve) await serve(html, port);
}

/** Serves the page on 127.0.0.1 until interrupted (Ctrl-C). Only this machine can reach it. */
function serve(html: string, port: number): Promise<void> {
  const body = Buffer.from(html, 'utf8');
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
    } else if (path === '/' || path === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length, 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found: the lab is at /\n');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'EADDRINUSE' ? new InputError(`--port: ${port} is in use on 127.0.0.1; pick another with --port`) : e),
    );
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address !== null ? address.port : port;
      process.stdout.write(`Quorum lab at http://127.0.0.1:${actual}/ (Ctrl-C to stop)\n`);
      const stop = () => server.close(() => resolve());
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  });
}
