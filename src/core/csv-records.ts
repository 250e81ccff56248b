// The records of a CSV text, fed in pieces: RFC 4180 fields (quoted with ", "" for a quote inside),
// read exactly as csv-parse reads them with { relax_column_count: true, max_record_size }, which is
// what test/core/csv-records.property.test.ts checks against it, errors and their places included:
// - the record delimiter is the first of \r\n, \n or \r met outside quotes; the others are data after that;
// - a blank line is a record of one empty field; the end of the text ends the last record, but no empty one;
// - the first syntax error ends the reading; it names the record's line and the field's index.
// It was chosen over csv-parse, papaparse, @fast-csv/parse, csv-parser and udsv by measurement
// (scripts/csv-parsers/compare.mjs): the only one that is both strict and several times faster.

export type CsvErrorCode = 'quote-not-closed' | 'invalid-opening-quote' | 'invalid-closing-quote' | 'record-too-long';

export class CsvSyntaxError extends Error {
  constructor(
    readonly code: CsvErrorCode,
    /** The line the record starts on (1-based). */
    readonly line: number,
    /** The index of the field in its record (0-based). */
    readonly field: number,
  ) {
    super(`${code} in field ${field} of the record on line ${line}`);
    this.name = 'CsvSyntaxError';
  }
}

export interface CsvOptions {
  /** One character: , ; or a tab. */
  delimiter: string;
  /** A record of more than this many characters of field content is an error. */
  maxRecordChars: number;
}

/** A record with the line it starts on, which counts the line breaks inside earlier records' fields. */
export type OnRecord = (fields: string[], line: number) => void;

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
/** Where a record cannot be finished with the text so far. */
const INCOMPLETE = -1;
const BREAKS = /\r\n|\r|\n/g;

type RecordDelimiter = '\r\n' | '\n' | '\r' | null;

export class CsvRecordReader {
  private readonly delimiter: number;
  private readonly delimiterChar: string;
  private readonly maxChars: number;
  private recordDelimiter: RecordDelimiter = null;
  private line = 1;
  private rest = '';
  /** How long `rest` was when it last failed to hold a whole record: it is read again only once it has doubled. */
  private tried = 0;
  private started = false;
  // The next quote, carriage return and line feed in the text being read, at or after where the reading is.
  private quoteAt = -1;
  private crAt = -1;
  private lfAt = -1;

  constructor(
    options: CsvOptions,
    private readonly onRecord: OnRecord,
  ) {
    if (options.delimiter.length !== 1) throw new Error(`a CSV delimiter is one character, not ${JSON.stringify(options.delimiter)}`);
    this.delimiter = options.delimiter.charCodeAt(0);
    this.delimiterChar = options.delimiter;
    this.maxChars = options.maxRecordChars;
  }

  /** The next piece of the text; records are handed on as soon as they are whole. Throws CsvSyntaxError. */
  write(text: string): void {
    if (!this.started && text !== '') {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.rest = this.rest === '' ? text : this.rest + text;
    if (this.rest.length < 2 * this.tried) return;
    this.read(false);
  }

  /** The end of the text: the last record is handed on. Throws CsvSyntaxError. */
  end(): void {
    this.read(true);
    this.rest = '';
  }

  private read(final: boolean): void {
    const text = this.rest;
    this.quoteAt = this.crAt = this.lfAt = -1;
    let pos = 0;
    while (pos < text.length) {
      const next = this.readRecord(text, pos, final);
      if (next === INCOMPLETE) break;
      pos = next;
    }
    this.rest = pos === 0 ? text : text.slice(pos);
    this.tried = this.rest.length;
  }

  /** Reads the record at `start` and hands it on; returns where the next one starts, or INCOMPLETE. */
  private readRecord(text: string, start: number, final: boolean): number {
    const n = text.length;
    const delimiter = this.delimiter;
    const fields: string[] = [];
    let chars = 0;
    let breaks = false;
    let pos = start;

    for (;;) {
      let value: string;
      let end: number;
      if (pos < n && text.charCodeAt(pos) === QUOTE) {
        value = '';
        let from = pos + 1;
        for (;;) {
          const quote = text.indexOf('"', from);
          if (quote < 0) {
            if (!final) return this.incomplete(fields, chars, value.length + n - from);
            this.fail('quote-not-closed', fields, chars, value.length + n - from);
          }
          if (quote + 1 === n && !final) return this.incomplete(fields, chars, value.length + quote - from);
          if (text.charCodeAt(quote + 1) === QUOTE) {
            value += text.slice(from, quote + 1);
            from = quote + 2;
            continue;
          }
          value += text.slice(from, quote);
          end = quote + 1;
          break;
        }
        if (!breaks && hasBreak(value)) breaks = true;
        if (end < n) {
          const c = text.charCodeAt(end);
          if (c !== delimiter) {
            const length = this.recordDelimiterAt(text, end, final);
            if (length === INCOMPLETE) return this.incomplete(fields, chars, value.length);
            if (length === 0) this.fail('invalid-closing-quote', fields, chars, value.length);
          }
        }
      } else {
        end = pos;
        for (;;) {
          // indexOf finds a character far faster than a loop over the text: the field ends at the first that matters.
          const d = text.indexOf(this.delimiterChar, end);
          end = Math.min(d < 0 ? n : d, this.nextBreak(text, end), this.nextQuote(text, end));
          if (end === n) {
            if (!final) return this.incomplete(fields, chars, end - pos);
            break;
          }
          const c = text.charCodeAt(end);
          if (c === QUOTE) this.fail('invalid-opening-quote', fields, chars, end - pos);
          if (c === delimiter) break;
          const length = this.recordDelimiterAt(text, end, final);
          if (length === INCOMPLETE) return this.incomplete(fields, chars, end - pos);
          if (length > 0) break;
          breaks = true;
          end++;
        }
        value = text.slice(pos, end);
      }

      if (chars + value.length > this.maxChars + 1) throw this.tooLong(fields, value.length);
      chars += value.length;
      fields.push(value);
      if (end === n) {
        // The end of the text ends the record, unless there is nothing in it.
        if (!(fields.length === 1 && value === '' && text.charCodeAt(pos) !== QUOTE)) this.emit(fields, breaks);
        return n;
      }
      if (text.charCodeAt(end) === delimiter) {
        pos = end + 1;
        continue;
      }
      this.emit(fields, breaks);
      return end + (this.recordDelimiterAt(text, end, final) as number);
    }
  }

  private nextQuote(text: string, from: number): number {
    if (this.quoteAt < from) this.quoteAt = indexOrEnd(text, '"', from);
    return this.quoteAt;
  }

  private nextBreak(text: string, from: number): number {
    if (this.crAt < from) this.crAt = indexOrEnd(text, '\r', from);
    if (this.lfAt < from) this.lfAt = indexOrEnd(text, '\n', from);
    return Math.min(this.crAt, this.lfAt);
  }

  /**
   * The length of the record delimiter at `pos` (0 when there is none), choosing it at the first line break;
   * INCOMPLETE when a carriage return ends the text and the next character decides.
   */
  private recordDelimiterAt(text: string, pos: number, final: boolean): number {
    const c = text.charCodeAt(pos);
    if (c !== CR && c !== LF) return 0;
    const crlf = c === CR && pos + 1 < text.length && text.charCodeAt(pos + 1) === LF;
    if (c === CR && pos + 1 === text.length && !final && this.recordDelimiter !== '\r' && this.recordDelimiter !== '\n') return INCOMPLETE;
    if (this.recordDelimiter === null) this.recordDelimiter = crlf ? '\r\n' : c === CR ? '\r' : '\n';
    switch (this.recordDelimiter) {
      case '\r\n':
        return crlf ? 2 : 0;
      case '\n':
        return c === LF ? 1 : 0;
      case '\r':
        return c === CR ? 1 : 0;
    }
  }

  /** A syntax error, unless the record passed its size limit before it: csv-parse checks the size before each character it keeps. */
  private fail(code: CsvErrorCode, fields: readonly string[], chars: number, fieldChars: number): never {
    throw chars + fieldChars > this.maxChars + 1 ? this.tooLong(fields, fieldChars) : new CsvSyntaxError(code, this.line, fields.length);
  }

  /** The text ends inside a record: more is needed, unless the record is already too long (so that memory stays bounded). */
  private incomplete(fields: readonly string[], chars: number, fieldChars: number): number {
    if (chars + fieldChars > this.maxChars + 1) throw this.tooLong(fields, fieldChars);
    return INCOMPLETE;
  }

  /** The error for the field in which the record's content passes the limit, given the current field's length so far. */
  private tooLong(fields: readonly string[], fieldChars: number): CsvSyntaxError {
    let chars = 0;
    for (const [index, field] of [...fields, ' '.repeat(fieldChars)].entries()) {
      chars += field.length;
      if (chars > this.maxChars + 1) return new CsvSyntaxError('record-too-long', this.line, index);
    }
    return new CsvSyntaxError('record-too-long', this.line, fields.length);
  }

  private emit(fields: string[], breaks: boolean): void {
    const line = this.line;
    this.line += 1;
    if (breaks) for (const field of fields) this.line += field.match(BREAKS)?.length ?? 0;
    this.onRecord(fields, line);
  }
}

function indexOrEnd(text: string, char: string, from: number): number {
  const at = text.indexOf(char, from);
  return at < 0 ? text.length : at;
}

function hasBreak(value: string): boolean {
  return value.includes('\n') || value.includes('\r');
}
