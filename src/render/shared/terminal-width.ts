// How many terminal columns a text takes: colour codes none, an emoji or an East Asian wide character two,
// a control or combining character none, anything else one.

const COLOUR_CODE = /\u001b\[[0-9;]*m/g;
const EMOJI = /\p{Emoji_Presentation}/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const MARK = /\p{M}/u;
const ZERO_WIDTH_JOINER = 0x200d;
const EMOJI_VARIATION = 0xfe0f;
const KEYCAP = 0x20e3;

export function displayWidth(text: string): number {
  const plain = text.replace(COLOUR_CODE, '');
  if (/^[\x20-\x7e]*$/.test(plain)) return plain.length;
  let width = 0;
  let previous = '';
  // An emoji joined to the one before (a family), or the second letter of a flag, adds nothing.
  let flagOpen = false;
  for (const character of plain) {
    const code = character.codePointAt(0) as number;
    const joined = previous === '\u200d';
    const before = previous;
    previous = character;
    const regional = code >= 0x1f1e6 && code <= 0x1f1ff;
    const closesFlag = regional && flagOpen;
    flagOpen = regional && !flagOpen;
    // A text symbol asked to show as an emoji (❤️) takes two columns.
    if (code === EMOJI_VARIATION && PICTOGRAPH.test(before) && !EMOJI.test(before)) width += 1;
    // A keycap (1️⃣) is an emoji: its digit's column and one more.
    if (code === KEYCAP) width += 1;
    if (isZeroWidth(code) || MARK.test(character) || closesFlag) continue;
    if (EMOJI.test(character)) width += joined ? 0 : 2;
    else width += isWide(code) ? 2 : 1;
  }
  return width;
}

/** Controls, the joiner, variation selectors, skin tones and tags: nothing of their own on screen (nor marks, \p{M}). */
function isZeroWidth(code: number): boolean {
  return (
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) ||
    code === ZERO_WIDTH_JOINER ||
    (code >= 0xfe00 && code <= 0xfe0f) ||
    (code >= 0x1f3fb && code <= 0x1f3ff) ||
    (code >= 0xe0020 && code <= 0xe007f)
  );
}

/** East Asian Wide and Fullwidth: Hangul, CJK, kana, fullwidth forms. */
function isWide(code: number): boolean {
  return (
    code >= 0x1100 &&
    (code <= 0x115f ||
      code === 0x2329 ||
      code === 0x232a ||
      (code >= 0x2e80 && code <= 0x3247 && code !== 0x303f) ||
      (code >= 0x3250 && code <= 0x4dbf) ||
      (code >= 0x4e00 && code <= 0xa4c6) ||
      (code >= 0xa960 && code <= 0xa97c) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe10 && code <= 0xfe19) ||
      (code >= 0xfe30 && code <= 0xfe6b) ||
      (code >= 0xff01 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x1b000 && code <= 0x1b001) ||
      (code >= 0x1f200 && code <= 0x1f251) ||
      (code >= 0x20000 && code <= 0x3fffd))
  );
}
