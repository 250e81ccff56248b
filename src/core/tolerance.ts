/**
 * Weights and scores are binary fractions: 0.1 + 0.2 + 0.3 comes out a hair above 0.6, and a pillar that is
 * exactly 40 can come out as 39.99999999999999. A figure this close to a threshold has reached it.
 */
const RELATIVE_TOLERANCE = 1e-9;

export function reaches(value: number, threshold: number): boolean {
  return value >= threshold - RELATIVE_TOLERANCE * Math.max(1, Math.abs(threshold));
}
