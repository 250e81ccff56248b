// The few styles the text reports use, written as chalk writes them for a 16-colour terminal: a style
// closed inside the text is opened again after it, and a line break closes and reopens the style.

export type Paint = (text: string) => string;

export interface Style {
  bold: Paint;
  dim: Paint;
  red: Paint;
  green: Paint;
  yellow: Paint;
}

const unchanged: Paint = (text) => text;

const NO_STYLE: Style = { bold: unchanged, dim: unchanged, red: unchanged, green: unchanged, yellow: unchanged };

function paint(open: number, close: number): Paint {
  const on = `\u001b[${open}m`;
  const off = `\u001b[${close}m`;
  return (text) => {
    if (text === '') return text;
    let inner = text.includes('\u001b') ? text.replaceAll(off, off + on) : text;
    if (inner.includes('\n')) inner = inner.replace(/\r?\n/g, (lineBreak) => `${off}${lineBreak}${on}`);
    return `${on}${inner}${off}`;
  };
}

const ANSI_STYLE: Style = { bold: paint(1, 22), dim: paint(2, 22), red: paint(31, 39), green: paint(32, 39), yellow: paint(33, 39) };

export function textStyle(color: boolean): Style {
  return color ? ANSI_STYLE : NO_STYLE;
}
