import { displayWidth } from './terminal-width.js';

/**
 * Breaks a line at spaces so that it fits the terminal, continuing with a hanging indent.
 * Widths are terminal columns (displayWidth: colour codes none, wide characters two); a word longer than the line stays whole.
 */
export function wrapLine(line: string, width: number | undefined, indent: number): string {
  if (width === undefined || displayWidth(line) <= width) return line;
  const pad = ' '.repeat(indent);
  const lead = /^ */.exec(line)?.[0] ?? '';
  const lines: string[] = [];
  let current = lead;
  for (const word of line.slice(lead.length).split(' ')) {
    const candidate = current.trim() === '' ? `${current}${word}` : `${current} ${word}`;
    if (current.trim() !== '' && displayWidth(candidate) > width) {
      lines.push(current);
      current = `${pad}${word}`;
    } else {
      current = candidate;
    }
  }
  lines.push(current);
  return lines.join('\n');
}

/** Every line of `text` that is wider than `width` broken between words, continuing two spaces further in than it starts. */
export function fitLines(text: string, width: number | undefined): string {
  if (width === undefined) return text;
  return text
    .split('\n')
    .map((line) => wrapLine(line, width, (/^ */.exec(line)?.[0].length ?? 0) + 2))
    .join('\n');
}
