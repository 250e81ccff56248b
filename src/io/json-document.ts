import { InputError, type Problem } from '../core/errors.js';
import { describeCharacter } from '../core/characters.js';
import { pathText, type ParsedDocument } from './yaml-document.js';

// .json files are JSON, not YAML: what JSON does not allow (trailing commas, comments, single
// quotes, bare keys) is an error at its position, and every value keeps its position, so that
// problems found later (by zod or by the core) are reported as file:line:col as in YAML files.

type JsonNode =
  | { start: number; kind: 'object'; entries: Map<string, { keyStart: number; value: JsonNode }> }
  | { start: number; kind: 'array'; items: JsonNode[] }
  | { start: number; kind: 'scalar' };

const MAX_DEPTH = 100;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

export function parseJson(text: string, file: string): ParsedDocument {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const position = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - (lineStarts[lo] as number) + 1 };
  };

  const reader = new JsonReader(text);
  let parsed: { data: unknown; node: JsonNode } | null;
  try {
    parsed = reader.document();
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    throw new InputError([{ file, ...position(error.offset), message: error.message }]);
  }
  if (parsed === null) throw new InputError([{ file, line: 1, col: 1, message: 'is empty' }]);
  const problems: Problem[] = reader.keyProblems.map(({ offset, message }) => ({ file, ...position(offset), message }));
  if (problems.length > 0) throw new InputError(problems);

  const root = parsed.node;
  return {
    file,
    data: parsed.data,
    locate(issue) {
      let node = root;
      let at = root.start;
      for (const [i, step] of issue.path.entries()) {
        if (node.kind === 'object') {
          const entry = node.entries.get(String(step));
          if (entry === undefined) break;
          if (issue.atKey === true && i === issue.path.length - 1) {
            at = entry.keyStart;
            break;
          }
          node = entry.value;
        } else if (node.kind === 'array' && typeof step === 'number' && node.items[step] !== undefined) {
          node = node.items[step];
        } else {
          break;
        }
        at = node.start;
      }
      return { file, ...position(at), message: `${pathText(issue.path)}${issue.message}` };
    },
  };
}

class JsonReader {
  private at = 0;
  readonly keyProblems: { offset: number; message: string }[] = [];

  constructor(private readonly text: string) {}

  /** The one value the text holds; null when it holds nothing but whitespace. */
  document(): { data: unknown; node: JsonNode } | null {
    this.skipSpace();
    if (this.at >= this.text.length) return null;
    const value = this.value(0);
    this.skipSpace();
    if (this.at < this.text.length) throw this.unexpected('the end of the file (a JSON file holds one value)');
    return value;
  }

  private value(depth: number): { data: unknown; node: JsonNode } {
    if (depth > MAX_DEPTH) throw new JsonSyntaxError(this.at, 'is nested too deeply');
    const start = this.at;
    const ch = this.text[this.at];
    if (ch === '{') return this.object(depth);
    if (ch === '[') return this.array(depth);
    if (ch === '"') return { data: this.string(), node: { start, kind: 'scalar' } };
    for (const [word, data] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return { data, node: { start, kind: 'scalar' } };
      }
    }
    NUMBER.lastIndex = this.at;
    const number = NUMBER.exec(this.text);
    if (number !== null && number[0] !== '-' && number[0] !== '') {
      this.at += number[0].length;
      if (/[\w.]/.test(this.text[this.at] ?? '')) throw new JsonSyntaxError(start, 'is not a JSON number (write numbers in decimal, without leading zeros)');
      return { data: Number(number[0]), node: { start, kind: 'scalar' } };
    }
    if (ch === "'") throw new JsonSyntaxError(start, 'strings in JSON take double quotes, not single quotes');
    throw this.unexpected('a value (a "string", a number, {…}, […], true, false or null)');
  }

  private object(depth: number): { data: unknown; node: JsonNode } {
    const start = this.at++;
    const data: Record<string, unknown> = {};
    const entries = new Map<string, { keyStart: number; value: JsonNode }>();
    this.skipSpace();
    if (this.text[this.at] === '}') {
      this.at++;
      return { data, node: { start, kind: 'object', entries } };
    }
    for (;;) {
      this.skipSpace();
      const keyStart = this.at;
      if (this.text[this.at] === '}') throw new JsonSyntaxError(this.lastComma(), 'a trailing comma before } is not allowed in JSON');
      if (this.text[this.at] === "'") throw new JsonSyntaxError(keyStart, 'strings in JSON take double quotes, not single quotes');
      if (this.text[this.at] !== '"') throw this.unexpected('a key in double quotes', 'the file ends inside an object: a } is missing');
      const key = this.string();
      this.skipSpace();
      if (this.text[this.at] !== ':') throw this.unexpected('a colon after the key', 'the file ends inside an object: a } is missing');
      this.at++;
      this.skipSpace();
      if (this.at >= this.text.length) throw this.unexpected('a value');
      const { data: value, node } = this.value(depth + 1);
      if (entries.has(key)) this.keyProblems.push({ offset: keyStart, message: `duplicate key "${key}"` });
      else if (key === '__proto__') this.keyProblems.push({ offset: keyStart, message: 'the key "__proto__" is not allowed' });
      else {
        entries.set(key, { keyStart, value: node });
        data[key] = value;
      }
      this.skipSpace();
      const next = this.text[this.at];
      this.at++;
      if (next === '}') return { data, node: { start, kind: 'object', entries } };
      if (next !== ',') {
        this.at--;
        throw this.unexpected('a comma or a }', 'the file ends inside an object: a } is missing');
      }
    }
  }

  private array(depth: number): { data: unknown; node: JsonNode } {
    const start = this.at++;
    const data: unknown[] = [];
    const items: JsonNode[] = [];
    this.skipSpace();
    if (this.text[this.at] === ']') {
      this.at++;
      return { data, node: { start, kind: 'array', items } };
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.at] === ']') throw new JsonSyntaxError(this.lastComma(), 'a trailing comma before ] is not allowed in JSON');
      if (this.at >= this.text.length) throw this.unexpected('a value', 'the file ends inside a list: a ] is missing');
      const { data: value, node } = this.value(depth + 1);
      data.push(value);
      items.push(node);
      this.skipSpace();
      const next = this.text[this.at];
      this.at++;
      if (next === ']') return { data, node: { start, kind: 'array', items } };
      if (next !== ',') {
        this.at--;
        throw this.unexpected('a comma or a ]', 'the file ends inside a list: a ] is missing');
      }
    }
  }

  /** A string at the reader's position; its escapes are checked here and decoded by JSON.parse. */
  private string(): string {
    const start = this.at++;
    for (;;) {
      const ch = this.text[this.at];
      if (ch === undefined) throw new JsonSyntaxError(start, 'a string that starts here is never closed: a " is missing');
      if (ch === '"') break;
      if (ch === '\\') {
        const escaped = this.text[this.at + 1] ?? '';
        if (escaped === 'u' ? !/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.at + 2, this.at + 6)) : !'"\\/bfnrt'.includes(escaped) || escaped === '') {
          throw new JsonSyntaxError(this.at, 'is not a JSON escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u and 4 hex digits)');
        }
        this.at += escaped === 'u' ? 6 : 2;
        continue;
      }
      if (ch < ' ') {
        throw new JsonSyntaxError(
          this.at,
          ch === '\n' || ch === '\r'
            ? 'a line break inside a string: is a closing " missing? (JSON writes a line break in a string as \\n)'
            : `${describeCharacter(ch)} inside a string is not allowed in JSON`,
        );
      }
      this.at++;
    }
    this.at++;
    return JSON.parse(this.text.slice(start, this.at)) as string;
  }

  private skipSpace(): void {
    WHITESPACE.lastIndex = this.at;
    WHITESPACE.exec(this.text);
    this.at = WHITESPACE.lastIndex;
    const ch = this.text[this.at];
    const next = this.text[this.at + 1];
    if (ch === '/' && (next === '/' || next === '*')) throw new JsonSyntaxError(this.at, 'comments are not allowed in JSON');
  }

  /** Where the comma before the reader's position is, for a trailing comma. */
  private lastComma(): number {
    return this.text.lastIndexOf(',', this.at);
  }

  private unexpected(expected: string, atEnd = `the file ends early: expected ${expected}`): JsonSyntaxError {
    const ch = this.text.codePointAt(this.at);
    if (ch === undefined) return new JsonSyntaxError(this.text.length, atEnd);
    return new JsonSyntaxError(this.at, `expected ${expected}, not ${describeCharacter(String.fromCodePoint(ch))}`);
  }
}
