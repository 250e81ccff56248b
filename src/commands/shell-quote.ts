/** A word as a POSIX shell reads it back: plain when safe, else in single quotes. */
export function shellQuote(word: string): string {
  return /^[\w./:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The flags that give a later command the same bank and form: `--bank DIR`, `--quick`. */
export function bankAndFormFlags(options: { bank?: string; quick: boolean }): string[] {
  return [...(options.bank === undefined ? [] : ['--bank', shellQuote(options.bank)]), ...(options.quick ? ['--quick'] : [])];
}
