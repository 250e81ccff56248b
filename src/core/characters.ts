// Characters that make two different texts look the same on screen: invisible ones (zero-width,
// bidi controls, control characters, unusual spaces) and letters of other scripts that look like
// Latin ones. A message that quotes a text holding them names them, so that "Т1" next to "T1" is
// not a riddle. Names are Unicode's (control characters by their formal aliases); the table holds
// the characters met in practice, others are described by their kind.

const C0_NAMES = [
  'NULL',
  'START OF HEADING',
  'START OF TEXT',
  'END OF TEXT',
  'END OF TRANSMISSION',
  'ENQUIRY',
  'ACKNOWLEDGE',
  'ALERT',
  'BACKSPACE',
  'CHARACTER TABULATION',
  'LINE FEED',
  'LINE TABULATION',
  'FORM FEED',
  'CARRIAGE RETURN',
  'SHIFT OUT',
  'SHIFT IN',
  'DATA LINK ESCAPE',
  'DEVICE CONTROL ONE',
  'DEVICE CONTROL TWO',
  'DEVICE CONTROL THREE',
  'DEVICE CONTROL FOUR',
  'NEGATIVE ACKNOWLEDGE',
  'SYNCHRONOUS IDLE',
  'END OF TRANSMISSION BLOCK',
  'CANCEL',
  'END OF MEDIUM',
  'SUBSTITUTE',
  'ESCAPE',
  'INFORMATION SEPARATOR FOUR',
  'INFORMATION SEPARATOR THREE',
  'INFORMATION SEPARATOR TWO',
  'INFORMATION SEPARATOR ONE',
];

const C1_NAMES = [
  'PADDING CHARACTER',
  'HIGH OCTET PRESET',
  'BREAK PERMITTED HERE',
  'NO BREAK HERE',
  'INDEX',
  'NEXT LINE',
  'START OF SELECTED AREA',
  'END OF SELECTED AREA',
  'CHARACTER TABULATION SET',
  'CHARACTER TABULATION WITH JUSTIFICATION',
  'LINE TABULATION SET',
  'PARTIAL LINE FORWARD',
  'PARTIAL LINE BACKWARD',
  'REVERSE LINE FEED',
  'SINGLE SHIFT TWO',
  'SINGLE SHIFT THREE',
  'DEVICE CONTROL STRING',
  'PRIVATE USE ONE',
  'PRIVATE USE TWO',
  'SET TRANSMIT STATE',
  'CANCEL CHARACTER',
  'MESSAGE WAITING',
  'START OF GUARDED AREA',
  'END OF GUARDED AREA',
  'START OF STRING',
  'SINGLE GRAPHIC CHARACTER INTRODUCER',
  'SINGLE CHARACTER INTRODUCER',
  'CONTROL SEQUENCE INTRODUCER',
  'STRING TERMINATOR',
  'OPERATING SYSTEM COMMAND',
  'PRIVACY MESSAGE',
  'APPLICATION PROGRAM COMMAND',
];

const NAMES = new Map<number, string>([
  ...C0_NAMES.map((name, code) => [code, name] as [number, string]),
  [0x7f, 'DELETE'],
  ...C1_NAMES.map((name, i) => [0x80 + i, name] as [number, string]),
  [0x00a0, 'NO-BREAK SPACE'],
  [0x00ad, 'SOFT HYPHEN'],
  [0x0391, 'GREEK CAPITAL LETTER ALPHA'],
  [0x0392, 'GREEK CAPITAL LETTER BETA'],
  [0x0395, 'GREEK CAPITAL LETTER EPSILON'],
  [0x0396, 'GREEK CAPITAL LETTER ZETA'],
  [0x0397, 'GREEK CAPITAL LETTER ETA'],
  [0x0399, 'GREEK CAPITAL LETTER IOTA'],
  [0x039a, 'GREEK CAPITAL LETTER KAPPA'],
  [0x039c, 'GREEK CAPITAL LETTER MU'],
  [0x039d, 'GREEK CAPITAL LETTER NU'],
  [0x039f, 'GREEK CAPITAL LETTER OMICRON'],
  [0x03a1, 'GREEK CAPITAL LETTER RHO'],
  [0x03a4, 'GREEK CAPITAL LETTER TAU'],
  [0x03a5, 'GREEK CAPITAL LETTER UPSILON'],
  [0x03a7, 'GREEK CAPITAL LETTER CHI'],
  [0x03b1, 'GREEK SMALL LETTER ALPHA'],
  [0x03b9, 'GREEK SMALL LETTER IOTA'],
  [0x03ba, 'GREEK SMALL LETTER KAPPA'],
  [0x03bd, 'GREEK SMALL LETTER NU'],
  [0x03bf, 'GREEK SMALL LETTER OMICRON'],
  [0x03c1, 'GREEK SMALL LETTER RHO'],
  [0x03c4, 'GREEK SMALL LETTER TAU'],
  [0x03c5, 'GREEK SMALL LETTER UPSILON'],
  [0x03c7, 'GREEK SMALL LETTER CHI'],
  [0x0405, 'CYRILLIC CAPITAL LETTER DZE'],
  [0x0406, 'CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I'],
  [0x0408, 'CYRILLIC CAPITAL LETTER JE'],
  [0x0410, 'CYRILLIC CAPITAL LETTER A'],
  [0x0412, 'CYRILLIC CAPITAL LETTER VE'],
  [0x0415, 'CYRILLIC CAPITAL LETTER IE'],
  [0x041a, 'CYRILLIC CAPITAL LETTER KA'],
  [0x041c, 'CYRILLIC CAPITAL LETTER EM'],
  [0x041d, 'CYRILLIC CAPITAL LETTER EN'],
  [0x041e, 'CYRILLIC CAPITAL LETTER O'],
  [0x0420, 'CYRILLIC CAPITAL LETTER ER'],
  [0x0421, 'CYRILLIC CAPITAL LETTER ES'],
  [0x0422, 'CYRILLIC CAPITAL LETTER TE'],
  [0x0423, 'CYRILLIC CAPITAL LETTER U'],
  [0x0425, 'CYRILLIC CAPITAL LETTER HA'],
  [0x0430, 'CYRILLIC SMALL LETTER A'],
  [0x0435, 'CYRILLIC SMALL LETTER IE'],
  [0x043e, 'CYRILLIC SMALL LETTER O'],
  [0x0440, 'CYRILLIC SMALL LETTER ER'],
  [0x0441, 'CYRILLIC SMALL LETTER ES'],
  [0x0443, 'CYRILLIC SMALL LETTER U'],
  [0x0445, 'CYRILLIC SMALL LETTER HA'],
  [0x0455, 'CYRILLIC SMALL LETTER DZE'],
  [0x0456, 'CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I'],
  [0x0458, 'CYRILLIC SMALL LETTER JE'],
  [0x04bb, 'CYRILLIC SMALL LETTER SHHA'],
  [0x04cf, 'CYRILLIC SMALL LETTER PALOCHKA'],
  [0x0501, 'CYRILLIC SMALL LETTER KOMI DE'],
  [0x051b, 'CYRILLIC SMALL LETTER QA'],
  [0x051d, 'CYRILLIC SMALL LETTER WE'],
  [0x1680, 'OGHAM SPACE MARK'],
  [0x180e, 'MONGOLIAN VOWEL SEPARATOR'],
  [0x2000, 'EN QUAD'],
  [0x2001, 'EM QUAD'],
  [0x2002, 'EN SPACE'],
  [0x2003, 'EM SPACE'],
  [0x2004, 'THREE-PER-EM SPACE'],
  [0x2005, 'FOUR-PER-EM SPACE'],
  [0x2006, 'SIX-PER-EM SPACE'],
  [0x2007, 'FIGURE SPACE'],
  [0x2008, 'PUNCTUATION SPACE'],
  [0x2009, 'THIN SPACE'],
  [0x200a, 'HAIR SPACE'],
  [0x200b, 'ZERO WIDTH SPACE'],
  [0x200c, 'ZERO WIDTH NON-JOINER'],
  [0x200d, 'ZERO WIDTH JOINER'],
  [0x200e, 'LEFT-TO-RIGHT MARK'],
  [0x200f, 'RIGHT-TO-LEFT MARK'],
  [0x2028, 'LINE SEPARATOR'],
  [0x2029, 'PARAGRAPH SEPARATOR'],
  [0x202a, 'LEFT-TO-RIGHT EMBEDDING'],
  [0x202b, 'RIGHT-TO-LEFT EMBEDDING'],
  [0x202c, 'POP DIRECTIONAL FORMATTING'],
  [0x202d, 'LEFT-TO-RIGHT OVERRIDE'],
  [0x202e, 'RIGHT-TO-LEFT OVERRIDE'],
  [0x202f, 'NARROW NO-BREAK SPACE'],
  [0x205f, 'MEDIUM MATHEMATICAL SPACE'],
  [0x2060, 'WORD JOINER'],
  [0x2061, 'FUNCTION APPLICATION'],
  [0x2062, 'INVISIBLE TIMES'],
  [0x2063, 'INVISIBLE SEPARATOR'],
  [0x2064, 'INVISIBLE PLUS'],
  [0x2066, 'LEFT-TO-RIGHT ISOLATE'],
  [0x2067, 'RIGHT-TO-LEFT ISOLATE'],
  [0x2068, 'FIRST STRONG ISOLATE'],
  [0x2069, 'POP DIRECTIONAL ISOLATE'],
  [0x3000, 'IDEOGRAPHIC SPACE'],
  [0xfeff, 'ZERO WIDTH NO-BREAK SPACE'],
]);

const DIGITS = ['ZERO', 'ONE', 'TWO', 'THREE', 'FOUR', 'FIVE', 'SIX', 'SEVEN', 'EIGHT', 'NINE'];
const SCRIPTS = ['Cyrillic', 'Greek', 'Armenian', 'Cherokee', 'Coptic'] as const;
const OTHER_SCRIPT = new RegExp(`[${SCRIPTS.map((s) => `\\p{Script=${s}}`).join('')}]`, 'u');
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}]|[^\P{Zs} ]/u;
const WORD = /[\p{L}\p{N}\p{M}\p{Cf}]+/gu;
const ASCII_ALNUM = /[A-Za-z0-9]/;

/** One character as a message shows it: a visible ASCII one quoted, any other by its code point and name. */
export function describeCharacter(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  if (ch === '"') return `'"'`;
  if (code > 0x20 && code < 0x7f) return `"${ch}"`;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} ${characterName(ch, code)}`;
}

function characterName(ch: string, code: number): string {
  const name = NAMES.get(code);
  if (name !== undefined) return name;
  if (code >= 0xff21 && code <= 0xff3a) return `FULLWIDTH LATIN CAPITAL LETTER ${String.fromCharCode(code - 0xff21 + 65)}`;
  if (code >= 0xff41 && code <= 0xff5a) return `FULLWIDTH LATIN SMALL LETTER ${String.fromCharCode(code - 0xff41 + 65)}`;
  if (code >= 0xff10 && code <= 0xff19) return `FULLWIDTH DIGIT ${DIGITS[code - 0xff10]}`;
  const ascii = asciiForm(ch);
  if (ascii !== null) return `(a form of ${JSON.stringify(ascii)})`;
  if (/\p{Cc}/u.test(ch)) return '(a control character)';
  if (/\p{Cf}/u.test(ch)) return '(an invisible formatting character)';
  if (/\p{Z}/u.test(ch)) return '(a space)';
  const script = SCRIPTS.find((s) => new RegExp(`\\p{Script=${s}}`, 'u').test(ch));
  return script === undefined ? '(a character)' : `(a ${script} letter)`;
}

/**
 * The characters of a text that a reader cannot tell from others: invisible ones and full-width
 * forms of ASCII anywhere, letters of look-alike scripts in a word that also holds Latin letters or digits.
 */
export function confusingCharacters(text: string): string[] {
  const found = new Set<string>();
  for (const ch of text) if (INVISIBLE.test(ch) || asciiForm(ch) !== null) found.add(ch);
  for (const [word] of text.matchAll(WORD)) {
    if (ASCII_ALNUM.test(word)) for (const ch of word) if (OTHER_SCRIPT.test(ch)) found.add(ch);
  }
  return [...found];
}

/** The visible ASCII character that a full-width or styled form stands for (Ｔ, 𝐓: "T"); null for any other. */
function asciiForm(ch: string): string | null {
  const ascii = ch.normalize('NFKC');
  return ascii !== ch && /^[!-~]$/.test(ascii) ? ascii : null;
}

/** A message with the confusing characters it quotes named after it. */
export function nameConfusingCharacters(message: string): string {
  const found = confusingCharacters(message).filter((ch) => ch !== '\t');
  return found.length === 0 ? message : `${message}; it holds ${found.map(describeCharacter).join(', ')}`;
}
