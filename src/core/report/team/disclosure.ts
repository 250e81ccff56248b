import type { Role } from '../../roles.js';

// Anonymity by subtraction: a reader who knows the team's figure and the figures of the groups
// shown beside it can work out the figure of whoever is left (n·mean of the team minus n·mean of
// each group shown). So, for every figure, what is left must be nobody or at least minGroup
// values; when it is not, more groups are held back, smallest first.

export interface GroupCount {
  role: Role;
  /** The values the group's figure would rest on (answers that are numbers, or scores). */
  n: number;
  /** The group may be shown at all: it has minGroup respondents, or its people agreed (--show-role). */
  eligible: boolean;
  /** Shown with consent, whatever its size. */
  consent: boolean;
}

/** The roles whose figure may be shown beside the team's figure over all these groups. */
export function disclosedRoles(groups: readonly GroupCount[], minGroup: number): Set<Role> {
  const shown = groups.filter((g) => g.n > 0 && g.eligible && (g.consent || g.n >= minGroup));
  let left = groups.reduce((sum, g) => sum + g.n, 0) - shown.reduce((sum, g) => sum + g.n, 0);
  // Groups shown with consent are held back last: their people agreed to be seen, others did not.
  const withdrawable = [...shown].sort((x, y) => Number(x.consent) - Number(y.consent) || x.n - y.n);
  const held = new Set<Role>();
  for (const g of withdrawable) {
    if (left === 0 || left >= minGroup) break;
    held.add(g.role);
    left += g.n;
  }
  return new Set(shown.filter((g) => !held.has(g.role)).map((g) => g.role));
}
