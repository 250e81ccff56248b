import { plainText } from './sanitize.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text from banks, answer files and CSVs, made safe for HTML and inline SVG, in element content and in
 * quoted attributes alike: markup stays text, and control or bidi-override characters are dropped.
 */
export function escapeHtml(text: string): string {
  return plainText(text).replace(/[&<>"']/g, (ch) => ENTITIES[ch] as string);
}
