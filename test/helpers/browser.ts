import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { ROOT } from './cli.js';

// Helpers for tests that open reports in a real headless Chromium (Debian's, not a downloaded build)
// and check what it prints, with poppler's pdfinfo, pdftoppm and pdftotext.

const run = promisify(execFile);
export const OUTPUT = join(ROOT, 'test-output');
const CHROMIUM = process.env.CASH_TEST_CHROMIUM ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: install it (apt-get install -y chromium poppler-utils) or set CASH_TEST_CHROMIUM`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}

export async function pdfPageCount(pdf: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [pdf]);
  const pages = /^Pages:\s+(\d+)$/m.exec(stdout)?.[1];
  if (pages === undefined) throw new Error(`pdfinfo did not say how many pages ${pdf} has`);
  return Number(pages);
}

/** The text of one page (1-based), laid out as printed. */
export async function pdfPageText(pdf: string, page: number): Promise<string> {
  const { stdout } = await run('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-']);
  return stdout;
}

/** Per page, the share of pixels that carry ink (darker than light grey) at a coarse resolution. */
export async function pdfInkPerPage(pdf: string, workDir: string): Promise<number[]> {
  const prefix = join(workDir, 'ink');
  await run('pdftoppm', ['-gray', '-r', '24', pdf, prefix]);
  const files = (await readdir(workDir)).filter((f) => f.startsWith('ink') && f.endsWith('.pgm')).sort();
  return Promise.all(files.map(async (f) => inkShare(await readFile(join(workDir, f)))));
}

/** Binary PGM as pdftoppm writes it: "P5 width height maxval" and one whitespace, then one byte per pixel. */
function inkShare(pgm: Buffer): number {
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not an 8-bit binary PGM image');
  const pixels = pgm.subarray(header[0].length, header[0].length + Number(header[1]) * Number(header[2]));
  let ink = 0;
  for (const value of pixels) if (value < 200) ink += 1;
  return ink / pixels.length;
}

export async function pdfToPngs(pdf: string, prefix: string): Promise<void> {
  await run('pdftoppm', ['-png', '-r', '60', pdf, prefix]);
}
