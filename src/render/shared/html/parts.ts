import type { NextStep } from '../../../core/report/stamps.js';
import { capitalize } from '../../../core/report/wording.js';
import { html, type SafeHtml } from './html.js';

const OWNER_LABELS: Record<NextStep['owner'], string> = {
  sales: 'Sales',
  marketing: 'Marketing',
  both: 'Both teams',
  leadership: 'Leadership',
  revops: 'RevOps',
};

export function ownerChip(owner: NextStep['owner']): SafeHtml {
  return html`<span class="owner owner-${owner}">${OWNER_LABELS[owner]}</span>`;
}

/** Next steps as numbered cards: who acts, the first action, and why. */
export function nextStepList(steps: readonly NextStep[], pillarName: (id: string) => string): SafeHtml {
  return html`<ol class="steps">${steps.map(
    (step) => html`<li>${ownerChip(step.owner)}<span class="pillar-of">${pillarName(step.pillar)}</span>
<p class="action">${step.action}</p>
<p class="reason">${step.reason}</p></li>`,
  )}</ol>`;
}

/** A role as a heading reads it: "sales" → "Sales". */
export function roleName(role: string): string {
  return capitalize(role);
}

/** ISO timestamps read as their date; anything else is shown as it is. */
export function takenOn(takenAt: string): string {
  return /^\d{4}-\d{2}-\d{2}T/.test(takenAt) ? takenAt.slice(0, 10) : takenAt;
}
