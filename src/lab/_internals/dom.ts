/**
 * The few DOM types the lab's browser code uses, declared here. The project compiles with the
 * Node types and without the DOM library on purpose: referencing it would retype every file of
 * the program (tests that run code in a browser page included).
 */

export interface LabElement {
  readonly id: string;
  readonly tagName: string;
  innerHTML: string;
  textContent: string | null;
  readonly dataset: Record<string, string | undefined>;
  readonly classList: { toggle(name: string, force?: boolean): boolean };
  readonly clientWidth: number;
  /** Buttons and inputs. */
  disabled?: boolean;
  hidden: boolean;
  checked?: boolean;
  value?: string;
  /** Links. */
  href?: string;
  closest(selector: string): LabElement | null;
  querySelector(selector: string): LabElement | null;
  querySelectorAll(selector: string): ArrayLike<LabElement>;
  scrollTo(options: { top: number }): void;
  focus(): void;
  select?(): void;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  addEventListener(type: string, listener: (ev: LabEvent) => void): void;
}

export interface LabEvent {
  readonly target: LabElement | null;
  /** Keyboard events. */
  readonly key: string;
  readonly metaKey: boolean;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  preventDefault(): void;
}

export interface LabDocument {
  readonly body: LabElement;
  /** The page's start state, when `kubesim lab --lesson` or `--scenario` wrote one (labPage.ts). */
  querySelector(selector: string): LabElement | null;
  getElementById(id: string): LabElement | null;
  querySelectorAll(selector: string): ArrayLike<LabElement>;
  addEventListener(type: string, listener: (ev: LabEvent) => void): void;
}

export interface LabWindow {
  addEventListener(type: string, listener: () => void): void;
  readonly location: { readonly hash: string; readonly href: string };
  readonly history: { replaceState(data: null, unused: string, url: string): void };
}

/** The page's document and window (only defined in a browser). */
export function browserGlobals(): { document: LabDocument; window: LabWindow } {
  const g = globalThis as unknown as { document?: LabDocument; window?: LabWindow };
  if (g.document === undefined || g.window === undefined) throw new Error('the quorum lab runs in a browser page');
  return { document: g.document, window: g.window };
}
