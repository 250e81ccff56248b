import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTROL_CHARACTERS, plainText } from '../../../src/render/shared/sanitize.js';
import { renderJson } from '../../../src/render/shared/json.js';

const UNSAFE = new RegExp(CONTROL_CHARACTERS.source);
const ESC = '\u001b';
const BEL = '\u0007';
const ST = `${ESC}\\`;

describe('plainText', () => {
  it.each([
    ['plain text stays', 'Marketing joins sales calls.', 'Marketing joins sales calls.'],
    ['unicode stays', 'Zoë · 日本 · عربى · ✓', 'Zoë · 日本 · عربى · ✓'],
    ['SGR colour', `${ESC}[31mred${ESC}[0m`, 'red'],
    ['SGR with many parameters', `${ESC}[1;38;2;255;0;0mbold${ESC}[m`, 'bold'],
    ['erase screen and cursor home', `${ESC}[2J${ESC}[Hx`, 'x'],
    ['private mode (alternate screen)', `${ESC}[?1049hx${ESC}[?1049l`, 'x'],
    ['CSI with intermediate byte', `${ESC}[0 qx`, 'x'],
    ['8-bit CSI', '\u009b31mred', 'red'],
    ['OSC 0 title ended by BEL', `${ESC}]0;pwned${BEL}after`, 'after'],
    ['OSC 2 title ended by ST', `${ESC}]2;pwned${ST}after`, 'after'],
    ['OSC 8 hyperlink: the link goes, its text stays', `${ESC}]8;;https://evil.example/${ST}click${ESC}]8;;${ST}`, 'click'],
    ['OSC 52 clipboard write', `a${ESC}]52;c;cm0gLXJmIH4K${BEL}b`, 'ab'],
    ['OSC ended by 8-bit ST', `${ESC}]0;t\u009cafter`, 'after'],
    ['8-bit OSC', '\u009d0;pwned\u009cafter', 'after'],
    ['8-bit OSC ended by BEL', `\u009d0;pwned${BEL}after`, 'after'],
    ['unterminated OSC swallows the rest', `ok${ESC}]0;never ends`, 'ok'],
    ['DCS', `${ESC}P+q544e${ST}after`, 'after'],
    ['8-bit DCS', '\u0090+q544e\u009cafter', 'after'],
    ['APC, PM, SOS', `${ESC}_apc${ST}${ESC}^pm${ST}${ESC}Xsos${ST}x`, 'x'],
    ['two-byte escapes: reset, save cursor, index', `${ESC}c${ESC}7${ESC}Dx`, 'x'],
    ['charset designation', `${ESC}(0x${ESC}(B`, 'x'],
    ['a lone ESC at the end', `x${ESC}`, 'x'],
    ['a malformed CSI leaves no ESC', `x${ESC}[`, 'x'],
    ['C0 controls: bell, backspace, NUL, vertical tab, form feed', 'a\u0007\u0008\u0000\u000b\u000cb', 'ab'],
    ['DEL and other C1 controls', 'a\u007f\u0085\u008eb', 'ab'],
    ['carriage return cannot overwrite the line', 'safe\rEVIL', 'safe EVIL'],
    ['line breaks and tabs fold to one space', 'one\r\n\ttwo\nthree', 'one two three'],
    ['bidi overrides and isolates', '\u202eevil\u202c \u2066iso\u2069 \u202aa\u202bb\u202dc', 'evil iso abc'],
  ])('%s', (_name, input, want) => {
    expect(plainText(input)).toBe(want);
  });

  it('never lets a control character or escape through, whatever the input', () => {
    const controlish = fc.constantFrom(ESC, '\u009b', '\u009d', '\u0090', '\u009c', BEL, '[', ']', ';', '\\', 'P', '0', 'm', '\r', '\n', '\u202e', 'x');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.array(controlish).map((parts) => parts.join('')),
        ),
        (text) => {
          const out = plainText(text);
          expect(out).not.toMatch(UNSAFE);
          expect(out).not.toMatch(/[\r\n\t]/);
          expect(plainText(out)).toBe(out);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('renderJson', () => {
  it('writes C1 controls and bidi overrides as \\u escapes, and reads back exactly', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' })), (value) => {
        const json = renderJson(value);
        expect(json).not.toMatch(UNSAFE);
        expect(JSON.parse(json)).toEqual(value);
      }),
      { numRuns: 200 },
    );
    expect(renderJson({ t: '\u009b2J\u202e' })).toBe('{\n  "t": "\\u009b2J\\u202e"\n}\n');
  });
});
