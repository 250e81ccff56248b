// Text from banks, answer files and CSVs can carry terminal escape sequences that would
// recolour, retitle or rewrite the user's terminal; it never reaches a terminal as such.
// eslint-disable-next-line no-control-regex
const ESCAPE_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[P^_X][^\u001b]*(?:\u001b\\)?|[@-Z\\-_])|\u009b[0-?]*[ -/]*[@-~]/g;
/** C0 and C1 controls but line breaks and tabs, DEL, and the bidi overrides and isolates that reorder what is shown. */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** One line of plain text: escape sequences and control characters removed, line breaks folded to spaces. */
export function plainText(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(/[\r\n\t]+/g, ' ').replace(CONTROL_CHARACTERS, '');
}
