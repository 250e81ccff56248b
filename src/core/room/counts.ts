import { ROLES, type Role } from '../roles.js';

// What the facilitator and the big screen see while the room answers: how many joined and finished,
// by role, and what the sales–marketing gap still needs. Counts of people only: never a name or an answer.

export interface Attendee {
  role: Role;
  finished: boolean;
}

export interface RoleCount {
  role: Role;
  joined: number;
  finished: number;
}

export interface RoomCounts {
  joined: number;
  finished: number;
  /** Every role anyone joined as, in the bank's role order. */
  byRole: RoleCount[];
  /** "1 more marketer and the sales–marketing gap can be shown"; null once it can be. */
  needed: string | null;
}

const PEOPLE: Record<'sales' | 'marketing', [one: string, many: string]> = {
  sales: ['salesperson', 'salespeople'],
  marketing: ['marketer', 'marketers'],
};

export function roomCounts(attendees: readonly Attendee[], minGroup: number): RoomCounts {
  const byRole = ROLES.map((role) => {
    const own = attendees.filter((a) => a.role === role);
    return { role, joined: own.length, finished: own.filter((a) => a.finished).length };
  }).filter((r) => r.joined > 0);
  const finishedAs = (role: Role) => byRole.find((r) => r.role === role)?.finished ?? 0;
  return {
    joined: attendees.length,
    finished: attendees.filter((a) => a.finished).length,
    byRole,
    needed: gapNeeds(finishedAs('sales'), finishedAs('marketing'), minGroup),
  };
}

/** The team report shows the sales–marketing gap once both groups have at least minGroup finished answers. */
function gapNeeds(sales: number, marketing: number, minGroup: number): string | null {
  const missing = (['sales', 'marketing'] as const).flatMap((role) => {
    const more = minGroup - (role === 'sales' ? sales : marketing);
    return more > 0 ? [`${more} more ${PEOPLE[role][more === 1 ? 0 : 1]}`] : [];
  });
  return missing.length === 0 ? null : `${missing.join(' and ')} and the sales–marketing gap can be shown`;
}
