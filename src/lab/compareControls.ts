/** The free lab's side-by-side pickers: ready-made comparisons and each compared cluster's own settings, as HTML. */
import { escapeHtml } from '../report/escape.js';
import type { LabConfig } from './labScenario.js';

/** Ready-made comparisons with the configuration in effect: one member more (or less), pre-vote flipped, one or three datacenters. */
export function comparePresets(c: LabConfig): [string, LabConfig][] {
  const members = c.members < 9 ? c.members + 1 : c.members - 1;
  const dcs = c.datacenters === 1 ? 3 : 1;
  return [
    [`${members} members`, { ...c, members }],
    [`pre-vote ${c.preVote ? 'off' : 'on'}`, { ...c, preVote: !c.preVote }],
    [`${dcs} datacenter${dcs === 1 ? '' : 's'}`, { ...c, datacenters: dcs }],
  ];
}

export function presetButtons(c: LabConfig): string {
  return comparePresets(c)
    .map(([label, p]) => `<button type="button" class="btn" data-compare="${escapeHtml(JSON.stringify(p))}">${label}</button>`)
    .join(' ');
}

/** The pickers above compared cluster k. */
export function compareControls(c: LabConfig, k: number): string {
  const options = (max: number, v: number) => Array.from({ length: max }, (_x, i) => `<option${i + 1 === v ? ' selected' : ''}>${i + 1}</option>`).join('');
  return `<div class="column-controls"><label>members <select data-compare-members="${k}">${options(9, c.members)}</select></label> <label>datacenters <select data-compare-datacenters="${k}">${options(3, c.datacenters)}</select></label> <label><input type="checkbox" data-compare-prevote="${k}"${c.preVote ? ' checked' : ''}> pre-vote</label> <button type="button" class="btn small" data-compare-remove="${k}" aria-label="Remove this cluster from the comparison">✕</button></div>`;
}
