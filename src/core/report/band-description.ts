import type { BandsStamp } from './stamps.js';

// Apart from the stamp schemas, so that a report is rendered without loading zod.

/** How a team in the band behaves, as the bank describes it; undefined when the bank does not. */
export function bandDescription(bands: BandsStamp, id: string | null | undefined): string | undefined {
  return bands.find((b) => b.id === id)?.description;
}
