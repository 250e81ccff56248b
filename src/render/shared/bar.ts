export const BAR_WIDTH = 20;

/** A 0-100 score as a bar of block characters, with eighths for the last cell. */
export function textBar(score: number, width = BAR_WIDTH): string {
  const eighths = Math.round((Math.max(0, Math.min(100, score)) / 100) * width * 8);
  const full = Math.floor(eighths / 8);
  const partial = eighths % 8;
  const partialChar = partial > 0 ? ' ▏▎▍▌▋▊▉'.charAt(partial) : '';
  return `${'█'.repeat(full)}${partialChar}`.padEnd(width, '·');
}
