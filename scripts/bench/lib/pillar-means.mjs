// The Python baseline's job (pillar-means.py) done in plain Node with no more than it needs: per-pillar
// means of a Google Forms export, over its bytes, with no checks, no scoring and no report. It prints
// what the Python script prints. The aggregate bench times it beside both, as the least a Node program
// can take for that file: what is left between it and `aggregate` is cash-test's own work.
//
// It reads the exports the bench writes (a comma between fields, a line break after each row, quotes
// only around fields that hold one of those or a quote, no line break inside one), not every CSV file,
// 16 MB at a time as `aggregate` reads a megabyte at a time: memory stays bounded at a million rows.
import { openSync, readSync, writeFileSync } from 'node:fs';

const LABELS = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'];
const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;
const CHUNK_BYTES = 16 << 20;

const file = openSync(process.argv[2], 'r');
// One byte more than is read: room for the line break that a last row may lack.
const bytes = Buffer.allocUnsafe(CHUNK_BYTES + 1);
let filled = readSync(file, bytes, 0, CHUNK_BYTES, null);
const lineEnd = bytes.indexOf(LF);
const headerEnd = lineEnd < 0 ? filled : lineEnd;
const header = headerCells(bytes.toString('utf8', 0, headerEnd).replace(/\r$/, ''));
const pillars = [];
/** Per column: the index of its pillar in `pillars`, or -1 for a column that is not an answer. */
const pillarOf = Int32Array.from(header, (h) => {
  const at = h.indexOf(' [');
  if (at < 0 || !h.endsWith(']')) return -1;
  const name = h.slice(0, at);
  return pillars.includes(name) ? pillars.indexOf(name) : pillars.push(name) - 1;
});
// A label is known by its length and first byte (the five differ in those), and then compared whole.
const MAX_LABEL = 32;
const labelAt = new Int8Array(MAX_LABEL * 256).fill(-1);
LABELS.forEach((label, i) => (labelAt[label.length * 256 + label.charCodeAt(0)] = i));
const labelBytes = LABELS.map((label) => Buffer.from(label));
const sums = new Float64Array(pillars.length);
const counts = new Float64Array(pillars.length);
// Whole rows a chunk at a time: the part row at a chunk's end moves to the start of the next.
for (let from = headerEnd + 1, last = filled === 0; ; ) {
  if (last && filled > from && bytes[filled - 1] !== LF) bytes[filled++] = LF;
  const end = last ? filled : bytes.lastIndexOf(LF, filled - 1) + 1;
  tally(bytes, from, end, pillarOf, labelAt, labelBytes, sums, counts);
  if (last) break;
  bytes.copy(bytes, 0, end, filled);
  filled -= end;
  const read = readSync(file, bytes, filled, CHUNK_BYTES - filled, null);
  filled += read;
  last = read === 0;
  from = Math.max(from - end, 0);
}

console.log(pillars.map((p, i) => `${p}: ${counts[i] > 0 ? (sums[i] / counts[i]).toFixed(3) : '-'}`).join('\n'));
if (process.env.CASH_TEST_BENCH_USAGE) {
  const usage = process.resourceUsage();
  writeFileSync(process.env.CASH_TEST_BENCH_USAGE, JSON.stringify({ cpu: (usage.userCPUTime + usage.systemCPUTime) / 1e6, rssKb: usage.maxRSS }));
}

/** Adds up each pillar's answers, and counts them, in the rows from `from` to `end` (all passed in: locals are read faster than the module's). */
function tally(bytes, from, end, pillarOf, labelAt, labelBytes, sums, counts) {
  let column = 0;
  let start = from;
  for (let pos = from; pos < end; ) {
    const b = bytes[pos];
    if (b === QUOTE) {
      // A quoted field is never an answer label: skip it, "" and all.
      do pos = bytes.indexOf(QUOTE, pos + 1) + 1;
      while (bytes[pos] === QUOTE);
      continue;
    }
    if (b !== COMMA && b !== CR && b !== LF) {
      pos++;
      continue;
    }
    const pillar = pillarOf[column];
    if (pillar >= 0) {
      const length = pos - start;
      const label = length < MAX_LABEL ? labelAt[length * 256 + bytes[start]] : -1;
      if (label >= 0) {
        const expected = labelBytes[label];
        let i = 1;
        while (i < length && bytes[start + i] === expected[i]) i++;
        if (i === length) {
          sums[pillar] += label + 1;
          counts[pillar]++;
        }
      }
    }
    if (b === COMMA) column++;
    else {
      column = 0;
      if (b === CR && bytes[pos + 1] === LF) pos++;
    }
    start = ++pos;
  }
}

/** The header's cells: quoted ones unquoted. */
function headerCells(line) {
  const cells = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') {
      if (quoted && line[i + 1] === '"') cell += line[++i];
      else quoted = !quoted;
    } else if (ch === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}
