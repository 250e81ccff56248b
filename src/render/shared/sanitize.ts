// Text from banks, answer files and CSVs can carry terminal escape sequences that would
// recolour, retitle or rewrite the user's terminal, set its clipboard or hide a link; it never
// reaches a terminal as such. Each sequence goes whole, in its 7-bit (ESC x) and 8-bit (C1) form.
const ESCAPE_SEQUENCE = new RegExp(
  [
    String.raw`(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]`, // CSI: colours, cursor, erase
    String.raw`(?:\u001b\]|\u009d)[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?`, // OSC to BEL or ST: title, OSC 8 link, OSC 52 clipboard
    String.raw`(?:\u001b[PX^_]|[\u0090\u0098\u009e\u009f])[^\u001b\u009c]*(?:\u001b\\|\u009c)?`, // DCS, SOS, PM, APC to ST
    String.raw`\u001b[ -/]*[0-~]`, // any other escape: intermediates and a final byte
  ].join('|'),
  'g',
);

/** C0 and C1 controls but line breaks and tabs, DEL, and the bidi overrides and isolates that reorder what is shown. */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** One line of plain text: escape sequences and control characters removed, line breaks folded to spaces. */
export function plainText(text: string): string {
  return text
    .replace(ESCAPE_SEQUENCE, '')
    .replace(/[\r\n\t]+/g, ' ')
    .replace(CONTROL_CHARACTERS, '');
}
