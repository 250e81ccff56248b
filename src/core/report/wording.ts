// Words every report kind uses. Numbers in sentences are whole: the figures themselves stay at full precision in the model.

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A sentence carried on after other words: "Not shown: …" → "not shown: …". */
export function uncapitalize(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export function points(value: number): string {
  const n = Math.round(Math.abs(value));
  return `${n} point${n === 1 ? '' : 's'}`;
}

export function quoted(text: string): string {
  return `“${text}”`;
}

/** A share of 0-1 as people read it: 0.35 → "35%". */
export function percentText(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

/** "1 statement", "48 statements". */
export function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** "1 respondent", "7 respondents". */
export function respondentCount(n: number): string {
  return counted(n, 'respondent');
}
