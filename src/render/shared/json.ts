import { CONTROL_CHARACTERS } from './sanitize.js';

/**
 * The result file: the report model as it is, at full precision. JSON.stringify leaves C1 controls
 * and bidi overrides raw; they are written as \u escapes, which read back as the same strings.
 */
export function renderJson(report: object): string {
  const json = JSON.stringify(report, null, 2).replace(CONTROL_CHARACTERS, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `${json}\n`;
}
