import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 128 random bits, URL-safe: the room's join and screen tokens and each participant's secret. */
export function newToken(): string {
  return randomBytes(16).toString('base64url');
}

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** Compared in constant time, so that the time of a refusal says nothing about how much of a token was right. */
export function sameToken(given: string, expected: string): boolean {
  const a = digest(given);
  const b = digest(expected);
  return timingSafeEqual(a, b);
}

/** What the room folder keeps of a participant's secret: its hash, so that the folder alone cannot act as them. */
export function secretHash(secret: string): string {
  return digest(secret).toString('hex');
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
