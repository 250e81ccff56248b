import { describe, expect, it } from 'vitest';
import { roomCounts, type Attendee } from '../../../src/core/room/counts.js';
import type { Role } from '../../../src/core/roles.js';

const people = (spec: string): Attendee[] =>
  // "s s+ m+": a salesperson still answering, one finished, a finished marketer.
  spec
    .split(' ')
    .filter(Boolean)
    .map((w) => ({
      role: ({ s: 'sales', m: 'marketing', l: 'leadership', r: 'revops', o: 'other' } as Record<string, Role>)[w[0] ?? ''] ?? 'other',
      finished: w.endsWith('+'),
    }));

describe('roomCounts', () => {
  it.each([
    { spec: '', min: 3, needed: '3 more salespeople and 3 more marketers and the sales–marketing gap can be shown' },
    { spec: 's+ s+ s+ m+ m+', min: 3, needed: '1 more marketer and the sales–marketing gap can be shown' },
    { spec: 's+ s+ s+ m+ m+ m', min: 3, needed: '1 more marketer and the sales–marketing gap can be shown' },
    { spec: 's+ s+ m+ m+ m+', min: 3, needed: '1 more salesperson and the sales–marketing gap can be shown' },
    { spec: 's+ m+', min: 3, needed: '2 more salespeople and 2 more marketers and the sales–marketing gap can be shown' },
    { spec: 's+ s+ s+ m+ m+ m+', min: 3, needed: null },
    { spec: 's+ m+', min: 1, needed: null },
    { spec: 's+ s+ s+ s+ m+ m+ m+ m+ m+', min: 5, needed: '1 more salesperson and the sales–marketing gap can be shown' },
  ])('$spec (min $min): $needed', ({ spec, min, needed }) => {
    expect(roomCounts(people(spec), min).needed).toBe(needed);
  });

  it('counts joined and finished by role, in the roles’ order, roles nobody joined as left out', () => {
    expect(roomCounts(people('m l+ s+ m+ s'), 3)).toEqual({
      joined: 5,
      finished: 3,
      byRole: [
        { role: 'sales', joined: 2, finished: 1 },
        { role: 'marketing', joined: 2, finished: 1 },
        { role: 'leadership', joined: 1, finished: 1 },
      ],
      needed: '2 more salespeople and 2 more marketers and the sales–marketing gap can be shown',
    });
  });
});
