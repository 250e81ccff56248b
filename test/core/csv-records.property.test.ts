import { CsvError, parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { CsvRecordReader, CsvSyntaxError, type CsvErrorCode } from '../../src/core/csv-records.js';
import { SLOW_TEST_TIMEOUT_MS } from '../helpers/timeouts.js';

// The reader against csv-parse, the parser it replaced, on texts made of the characters CSV cares about,
// fed in arbitrary pieces: the same records on the same lines, and the same first error in the same place.

type Outcome = { records: { fields: string[]; line: number }[]; error?: { code: CsvErrorCode; line: number; field: number } };

const CODES: Record<string, CsvErrorCode> = {
  CSV_QUOTE_NOT_CLOSED: 'quote-not-closed',
  INVALID_OPENING_QUOTE: 'invalid-opening-quote',
  CSV_INVALID_CLOSING_QUOTE: 'invalid-closing-quote',
  CSV_MAX_RECORD_SIZE: 'record-too-long',
};

/** How load-csv read csv-parse's records: each starts on the line after the previous one and the line breaks in its fields. */
function withCsvParse(text: string, delimiter: string, maxRecordChars: number): Outcome {
  const records: Outcome['records'] = [];
  let line = 1;
  try {
    parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      max_record_size: maxRecordChars,
      on_record: (fields: string[]) => {
        records.push({ fields, line });
        line += 1 + fields.reduce((n, f) => n + (f.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
        return fields;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const code = CODES[error.code];
    if (code === undefined) throw error;
    return { records, error: { code, line, field: Number(error.column) } };
  }
  return { records };
}

function withReader(pieces: readonly string[], delimiter: string, maxRecordChars: number): Outcome {
  const records: Outcome['records'] = [];
  const reader = new CsvRecordReader({ delimiter, maxRecordChars }, (fields, line) => records.push({ fields, line }));
  try {
    for (const piece of pieces) reader.write(piece);
    reader.end();
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return { records, error: { code: error.code, line: error.line, field: error.field } };
  }
  return { records };
}

function splitAt(text: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  return [0, ...points].map((from, i) => text.slice(from, points[i] ?? text.length));
}

const delimiterArb = fc.constantFrom(',', ';', '\t');
const textArb = (delimiter: string) =>
  fc
    .tuple(
      fc.boolean(),
      fc.array(
        fc.oneof(
          { arbitrary: fc.constantFrom('a', 'bc', ' ', delimiter, '"', '""', '\r\n', '\n', '\r', 'é'), weight: 10 },
          { arbitrary: fc.constantFrom(',', ';', '\t'), weight: 1 },
        ),
        { maxLength: 40 },
      ),
    )
    .map(([bom, parts]) => (bom ? '\uFEFF' : '') + parts.join(''));

it(
  'reads what csv-parse reads, piece by piece, errors and their places included',
  () => {
    fc.assert(
      fc.property(
        delimiterArb.chain((delimiter) =>
          fc.tuple(fc.constant(delimiter), textArb(delimiter), fc.array(fc.nat(), { maxLength: 6 }), fc.integer({ min: 1, max: 12 })),
        ),
        ([delimiter, text, cuts, max]) => {
          // csv-parse measures the field being read in bytes: with 'é' (two bytes) only a limit it cannot reach is comparable.
          const maxRecordChars = text.includes('é') ? 1000 : max;
          expect(withReader(splitAt(text, cuts), delimiter, maxRecordChars)).toEqual(withCsvParse(text, delimiter, maxRecordChars));
        },
      ),
      { numRuns: 3000 },
    );
  },
  SLOW_TEST_TIMEOUT_MS,
);

it(
  'well-formed exports: the same records whatever the pieces',
  () => {
    const cell = fc.oneof(
      fc.constantFrom('Agree', 'Strongly agree', '', 'na', '3'),
      fc.string({ maxLength: 6 }).map((s) => `"${s.replace(/"/g, '""')}"`),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('\r\n', '\n'),
        fc.array(fc.nat(), { maxLength: 8 }),
        (rows, newline, cuts) => {
          const text = rows.map((r) => r.join(',')).join(newline) + newline;
          expect(withReader(splitAt(text, cuts), ',', 1000)).toEqual(withCsvParse(text, ',', 1000));
        },
      ),
      { numRuns: 500 },
    );
  },
  SLOW_TEST_TIMEOUT_MS,
);
