// One candidate of compare.mjs, in its own process: node parse-one.mjs NAME FILE OURS_BUNDLE.
// Prints { version, cells, cpu, rssMb } as JSON.
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';

const [name, file, ours] = process.argv.slice(2);
const CHUNK = 64 * 1024;
let cells = 0;
const onRow = (row) => {
  cells += row.length;
};

const parsers = {
  async 'csv-parse'() {
    const { parse } = await import('csv-parse');
    const parser = parse({ bom: true, relax_column_count: true });
    parser.on('data', onRow);
    await pipeline(createReadStream(file, { highWaterMark: CHUNK }), parser);
  },
  async papaparse() {
    const { default: Papa } = await import('papaparse');
    await new Promise((resolve, reject) => {
      Papa.parse(createReadStream(file, { highWaterMark: CHUNK, encoding: 'utf8' }), { step: (r) => onRow(r.data), complete: resolve, error: reject });
    });
  },
  async '@fast-csv/parse'() {
    const { parse } = await import('@fast-csv/parse');
    const parser = parse();
    parser.on('data', onRow);
    await pipeline(createReadStream(file, { highWaterMark: CHUNK }), parser);
  },
  async 'csv-parser'() {
    const { default: csv } = await import('csv-parser');
    const parser = csv({ headers: false });
    parser.on('data', (row) => onRow(Object.values(row)));
    await pipeline(createReadStream(file, { highWaterMark: CHUNK }), parser);
  },
  async udsv() {
    const { inferSchema, initParser } = await import('udsv');
    let parser = null;
    for await (const chunk of createReadStream(file, { highWaterMark: CHUNK, encoding: 'utf8' })) {
      parser ??= initParser(inferSchema(chunk));
      parser.chunk(chunk, parser.stringArrs, onRow);
    }
    parser.end();
  },
  async ours() {
    const { CsvRecordReader } = await import(pathToFileURL(ours).href);
    const reader = new CsvRecordReader({ delimiter: ',', maxRecordChars: 1_000_000 }, onRow);
    for await (const chunk of createReadStream(file, { highWaterMark: CHUNK, encoding: 'utf8' })) reader.write(chunk);
    reader.end();
  },
};

const version = name === 'ours' ? '-' : JSON.parse(readFileSync(join(process.cwd(), 'node_modules', name, 'package.json'), 'utf8')).version;
await parsers[name]();
const usage = process.resourceUsage();
console.log(JSON.stringify({ version, cells, cpu: (usage.userCPUTime + usage.systemCPUTime) / 1e6, rssMb: usage.maxRSS / 1024 }));
