import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { Bank, Form } from '../../src/core/bank.js';
import { InputError } from '../../src/core/errors.js';
import { loadResponse, parsedResponse, plainResponse } from '../../src/io/load-answers.js';
import { loadBank } from '../../src/io/load-bank.js';
import { readTextFile } from '../../src/io/read-text.js';
import { ROOT } from '../helpers/cli.js';
import { SLOW_TEST_TIMEOUT_MS } from '../helpers/timeouts.js';

// Answer files are read by a fast path when they are plain (`run --answers` and `aggregate` alike); it
// must agree with the full path (YAML with positions and the schema) on every file, starting from its
// bytes: the same files accepted, the same answers read, the same problems.

const odd = fc.constantFrom<unknown>(0, 6, -1, 2.5, '3', 'NA', 'n/a', true, null, '', [], {}, 'x'.repeat(201), ' Dana', '2024-05-01', '__proto__');
const maybe = <T>(plain: fc.Arbitrary<T>) => fc.oneof({ weight: 20, arbitrary: plain }, { weight: 1, arbitrary: odd });
const data = fc
  .record(
    {
      respondent: maybe(
        fc.record(
          {
            role: maybe(fc.constantFrom('sales', 'marketing', 'leadership', 'Sales')),
            name: maybe(fc.constantFrom('Dana', 'Ann Lee', 'Zoë', 'René')),
            team: maybe(fc.constant('EMEA')),
          },
          { requiredKeys: [] },
        ),
      ),
      answers: maybe(
        fc
          .tuple(
            fc.record(Object.fromEntries(['T1', 'T2', 'R1', 'R2'].map((id) => [id, maybe(fc.constantFrom<unknown>(1, 2, 3, 4, 5, 'na'))])), {
              requiredKeys: ['T1', 'T2', 'R1', 'R2'],
            }),
            fc.dictionary(fc.constantFrom('t1', 'X9', 'constructor'), odd, { maxKeys: 1 }),
            fc.boolean(),
          )
          .map(([answers, extra, more]) => (more ? { ...answers, ...extra } : answers)),
      ),
      bank: maybe(fc.record({ id: maybe(fc.constantFrom('tiny', 'cash')), version: maybe(fc.constant('1.0.0')) }, { requiredKeys: [] })),
      takenAt: maybe(fc.constantFrom('2026-03-02T09:30:00Z', '2026-03-02T09:30:00.000+01:00', '2026-03-02')),
      notes: odd,
    },
    { requiredKeys: ['answers', 'respondent'] },
  )
  .map(({ notes, ...d }) => (d.takenAt === '2026-03-02' ? { ...d, notes } : d)); // an unknown key, now and then
/** As a person or a tool would write it: block YAML, flow YAML, JSON, with comments, CRLF or a BOM. */
const text = fc.tuple(data, fc.constantFrom('block', 'flow', 'json', 'comments', 'crlf', 'bom')).map(([d, style]) => {
  const plain = JSON.parse(JSON.stringify(d)) as unknown;
  switch (style) {
    case 'flow':
      return stringify(plain, { collectionStyle: 'flow' });
    case 'json':
      return JSON.stringify(plain, null, 2);
    case 'comments':
      return `# answers\n${stringify(plain).replace(/\n/g, ' # note\n')}`;
    case 'crlf':
      return stringify(plain).replace(/\n/g, '\r\n');
    case 'bom':
      return `\ufeff${stringify(plain)}`;
    default:
      return stringify(plain);
  }
});
/**
 * The file's bytes: mostly the text in UTF-8, sometimes as an editor on another system would save it
 * (Latin-1, UTF-16 with its byte-order mark) or with a stray byte (NUL, a lone continuation byte).
 */
const bytes = fc
  .tuple(text, fc.constantFrom('utf8', 'utf8', 'utf8', 'utf8', 'utf8', 'utf8', 'latin1', 'utf16le', 'nul', 'stray'))
  .map(([t, encoding]): Buffer => {
    switch (encoding) {
      case 'latin1':
        return Buffer.from(t, 'latin1');
      case 'utf16le':
        return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]);
      case 'nul':
        return Buffer.from(t.replace('\n', '\n\0'), 'utf8');
      case 'stray':
        return Buffer.concat([Buffer.from(t.slice(0, t.length >> 1)), Buffer.from([0x80]), Buffer.from(t.slice(t.length >> 1))]);
      default:
        return Buffer.from(t, 'utf8');
    }
  });

type Outcome = { response: unknown } | { problems: unknown };
const outcome = (read: () => Promise<unknown>): Promise<Outcome> =>
  read().then(
    (response) => ({ response }),
    (error: unknown) => {
      if (!(error instanceof InputError)) throw error;
      return { problems: error.problems };
    },
  );

describe('fast answer-file path', () => {
  let dir = '';
  let bank: Bank;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cash-test-fast-'));
    bank = await loadBank(join(ROOT, 'test', 'corpus', 'bank', 'valid'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['full', 'quick'] as Form[])(
    'agrees with the full path on random answer files, from their bytes (%s form)',
    async (form) => {
      let accepted = 0;
      let plain = 0;
      await fc.assert(
        fc.asyncProperty(bytes, fc.constantFrom('a.yaml', 'a.yml', 'a.YAML', 'a.json'), async (content, name) => {
          const file = join(dir, `${form}-${name}`);
          writeFileSync(file, content);
          const full = await outcome(async () => parsedResponse(file, await readTextFile(file), bank, form));
          expect(await outcome(() => loadResponse(file, bank, form))).toEqual(full);
          // A .json file never takes the plain path (a YAML subset): it is read as JSON.
          const fast = name.endsWith('.json')
            ? null
            : await readTextFile(file).then(
                (t) => plainResponse(t, bank, form),
                () => null,
              );
          if (fast !== null) {
            plain++;
            expect({ response: fast }).toEqual(full);
          }
          if ('response' in full) accepted++;
        }),
        { numRuns: 400 },
      );
      // The draw reaches about 20 valid files and 12 plain ones in 400 (YAML names only: three in four);
      // these bounds show the property was not vacuous without failing on an unlucky draw.
      expect(accepted).toBeGreaterThan(2);
      expect(plain).toBeGreaterThan(0);
    },
    SLOW_TEST_TIMEOUT_MS,
  );
});
