import type { RateLimit } from './rate-limit.js';

/** A join or an answer is a few hundred bytes; anything larger is refused before it is read. */
export const MAX_BODY_BYTES = 4096;
/** Pages, joins and refusals, per address: a phone loads the page and joins a few times at most. */
export const PER_ADDRESS: RateLimit = { burst: 120, perSecond: 4 };
/** Answers and state, per participant (and the screen): far above a person tapping, far below a flood. */
export const PER_PARTICIPANT: RateLimit = { burst: 30, perSecond: 10 };
/** Big-screen pages listening for counts at once. */
export const MAX_EVENT_STREAMS = 16;
export const HEARTBEAT_MS = 20_000;
