/** Collects the problems of one validation pass, with their lines, and throws them together. */
import { ScenarioError, type Problem } from '../ScenarioError.js';
import { formatPath, type Path } from './Path.js';
import type { Locator } from './locate.js';

export class Problems {
  private readonly list: Problem[] = [];
  private readonly seen = new Set<string>();
  /** Paths the schema pass already reported: later reads of those values stay silent. */
  private readonly flagged = new Set<string>();

  constructor(
    readonly file: string,
    private readonly locate: Locator,
  ) {}

  get count(): number {
    return this.list.length;
  }

  /** Reports a problem at a path (the same message at the same path is reported once). */
  add(path: Path, message: string): void {
    const shown = formatPath(path);
    const key = `${shown}\u0000${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const line = this.locate(path);
    this.list.push(line === undefined ? { file: this.file, path: shown, message } : { file: this.file, path: shown, line, message });
  }

  /** Reports a structural problem and marks the value's path so that the builder does not report it again. */
  structural(path: Path, message: string, valuePath: Path = path): void {
    this.flagged.add(formatPath(valuePath));
    this.add(path, message);
  }

  /**
   * A value the builder cannot use: reported at `path` unless the schema pass already reported
   * something about the value (at `valuePath`), about a part of it, or about what contains it.
   */
  invalid(path: Path, message: string, valuePath: Path = path): void {
    for (let n = valuePath.length; n >= 0; n--) {
      if (this.flagged.has(formatPath(valuePath.slice(0, n)))) return;
    }
    const at = formatPath(valuePath);
    for (const f of this.flagged) {
      if (at === '' || (f.startsWith(at) && (f[at.length] === '.' || f[at.length] === '['))) return;
    }
    this.add(path, message);
  }

  /** Throws a ScenarioError with every problem, in file order, when there is any. */
  throwIfAny(): void {
    if (this.list.length === 0) return;
    const ordered = this.list
      .map((p, i) => ({ p, i }))
      .sort((a, b) => (a.p.line ?? Infinity) - (b.p.line ?? Infinity) || a.i - b.i)
      .map(({ p }) => p);
    throw new ScenarioError(ordered);
  }
}
