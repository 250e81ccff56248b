import { plainText } from './sanitize.js';

/** Text from files is shown, never interpreted: no raw HTML, no table breaks, no links or emphasis it did not ask for. */
export function md(text: string): string {
  return plainText(text).replace(/[\\`*_[\]<>|#]/g, (ch) => (ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : `\\${ch}`));
}

export function markdownTable(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
}
