import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, OUTPUT, pdfInkPerPage, pdfPageCount, pdfPageText, pdfToPngs } from '../helpers/browser.js';
import { cli } from '../helpers/cli.js';

// The HTML reports as a reader gets them: built by the real binary, opened from disk in headless Chromium.

const HOSTILE_FIELDS = [
  'BANKTITLE',
  'NAME',
  'TEAM',
  'PILLAR-ONE',
  'PILLAR-THREE',
  'SUMMARY-TWO',
  'ADVICE-ONE-LOW',
  'ACTION-ONE1',
  'TEXT-ONE1',
  'BANDLOW',
  'LABEL1',
  'UNKNOWN',
];
const hostile = (field: string) =>
  `${field} <script>window.__pwned='${field}'</script><img src=x onerror="window.__pwned='${field}'"> "dq" 'sq' </style></title>]]> <b>AT&T &amp;</b>`;

let browser: Browser;
let work: string;
const reports = { single: '', hostile: '', team: '', hostileTeam: '', compare: '', hostileCompare: '' };

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cash-test-html-'));
  await mkdir(OUTPUT, { recursive: true });
  reports.single = join(work, 'single.html');
  reports.hostile = join(work, 'hostile.html');
  for (const name of ['team', 'hostileTeam', 'compare', 'hostileCompare'] as const) reports[name] = join(work, `${name}.html`);
  const json = (name: string) => join(work, `${name}.json`);
  const hostileBank = ['--bank', 'test/fixtures/html/hostile-bank'];
  const runs = await Promise.all([
    cli(['run', '--answers', 'test/fixtures/html/manager.yaml', '--format', 'html', '--out', reports.single]),
    cli(['run', ...hostileBank, '--answers', 'test/fixtures/html/hostile-answers.yaml', '--format', 'html', '--out', reports.hostile]),
    cli(['aggregate', 'test/fixtures/html/team', '--format', 'html', '--out', reports.team]),
    cli(['aggregate', ...hostileBank, 'test/fixtures/html/hostile-team', '--show-names', '--format', 'html', '--out', reports.hostileTeam]),
    cli(['aggregate', 'examples/team', '--format', 'json', '--out', json('before')]),
    cli(['aggregate', 'test/fixtures/html/team', '--format', 'json', '--out', json('after')]),
    cli(['run', ...hostileBank, '--answers', 'test/fixtures/html/hostile-answers.yaml', '--format', 'json', '--out', json('hostile-before')]),
    cli(['run', ...hostileBank, '--answers', 'test/fixtures/html/hostile-team/sales-3.yaml', '--format', 'json', '--out', json('hostile-after')]),
  ]);
  for (const result of runs) expect(result.code, result.stderr).toBe(0);
  const compares = await Promise.all([
    cli(['compare', json('before'), json('after'), '--format', 'html', '--out', reports.compare]),
    cli(['compare', json('hostile-before'), json('hostile-after'), '--format', 'html', '--out', reports.hostileCompare]),
  ]);
  for (const result of compares) expect(result.code, result.stderr).toBe(0);
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await rm(work, { recursive: true, force: true });
});

interface Opened {
  context: BrowserContext;
  page: Page;
  requests: string[];
  problems: string[];
}

/** Opens a report from disk, recording every request it makes and every policy violation or console error. */
async function open(file: string, options: { bypassCSP?: boolean } = {}): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: options.bypassCSP ?? false });
  const page = await context.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  // Page-side code is given as strings: this project's TypeScript has no DOM types, on purpose.
  await page.addInitScript(
    "document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI))",
  );
  await page.goto(pathToFileURL(file).href);
  return { context, page, requests, problems };
}

describe('single-respondent HTML report in Chromium', () => {
  it('shows its charts, applies its own style sheet under its policy and requests nothing else', async () => {
    const { context, page, requests, problems } = await open(reports.single);
    try {
      expect(requests).toEqual([pathToFileURL(reports.single).href]);
      expect(problems).toEqual([]);
      expect(await page.evaluate('getComputedStyle(document.body).backgroundColor')).toBe('rgb(238, 241, 244)');

      const charts = page.locator('svg.chart');
      expect(await charts.count()).toBe(2);
      for (const chart of await charts.all()) {
        await expect.poll(() => chart.isVisible()).toBe(true);
        const box = await chart.boundingBox();
        expect(box?.width).toBeGreaterThan(300);
        expect(box?.height).toBeGreaterThan(150);
        expect(await chart.getAttribute('role')).toBe('img');
        expect(await chart.getAttribute('aria-label')).toMatch(/Communication 66, Alignment 36, Systems 45, Honesty 60/);
        expect(await chart.locator('title').textContent()).not.toBe('');
      }
      expect(await page.locator('#pillar-radar .spoke').count()).toBe(4);
      expect(await page.locator('#pillar-bars .bar').count()).toBe(4);
      expect(await page.locator('.score-card .big').innerText()).toBe('52/100');
      expect(await page.locator('.steps li').count()).toBe(5);

      await page.screenshot({ path: join(OUTPUT, 'single-report.png'), fullPage: true });
      await page.screenshot({ path: join(OUTPUT, 'single-report-first-screen.png') });
    } finally {
      await context.close();
    }
  });

  it('keeps hostile bank and respondent texts as text: nothing runs even with the policy switched off', async () => {
    const { context, page, requests } = await open(reports.hostile, { bypassCSP: true });
    try {
      expect(await page.evaluate('window.__pwned')).toBeUndefined();
      expect(requests).toEqual([pathToFileURL(reports.hostile).href]);
      expect(await page.locator('script, img, b, iframe, object, embed, link').count()).toBe(0);
      expect(await page.locator('style').count()).toBe(1);
      const handlers = await page.evaluate(
        "[...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.name)).filter((name) => name.startsWith('on'))",
      );
      expect(handlers).toEqual([]);

      expect(await page.title()).toContain(hostile('BANKTITLE'));
      const text = await page.locator('main').innerText();
      for (const field of HOSTILE_FIELDS) expect(text).toContain(hostile(field));
      const radarText = await page.locator('#pillar-radar').textContent();
      expect(radarText).toContain(hostile('PILLAR-ONE').slice(0, 20));
      expect(await page.locator('#pillar-radar').getAttribute('aria-label')).toContain(hostile('PILLAR-ONE'));

      await page.screenshot({ path: join(OUTPUT, 'hostile-report.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });

  it.each(['A4', 'Letter'] as const)('prints on %s: a few pages, none empty, no chart cut in two', async (format) => {
    const { context, page } = await open(reports.single);
    const pdfDir = await mkdtemp(join(work, `pdf-${format}-`));
    try {
      const pdf = join(OUTPUT, `single-report.${format.toLowerCase()}.pdf`);
      await page.pdf({ path: pdf, format, printBackground: true });
      const pages = await pdfPageCount(pdf);
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(pages).toBeLessThanOrEqual(5);
      const ink = await pdfInkPerPage(pdf, pdfDir);
      expect(ink).toHaveLength(pages);
      for (const share of ink) expect(share).toBeGreaterThan(0.005);

      // The bars chart's caption sits under it in the same figure: its page holds the band names above the bars and the ticks below.
      const texts = await Promise.all(Array.from({ length: pages }, (_, i) => pdfPageText(pdf, i + 1)));
      const barsPage = texts.find((t) => t.includes('Dashed lines mark where each band starts.'));
      expect(barsPage).toMatch(/Misaligned\s+Partly aligned\s+Aligned\n/);
      expect(barsPage).toMatch(/\b0\s+40\s+70\s+100\n/);
      expect(texts.findIndex((t) => t.includes('Next steps, weakest first'))).toBeGreaterThan(0);
      await pdfToPngs(pdf, join(OUTPUT, `single-report.${format.toLowerCase()}`));
    } finally {
      await context.close();
    }
  });
});

/** Nothing in a hostile page ran or was parsed as markup, even with the policy switched off. */
async function expectInert(file: string): Promise<string> {
  const { context, page, requests } = await open(file, { bypassCSP: true });
  try {
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(requests).toEqual([pathToFileURL(file).href]);
    expect(await page.locator('script, img, b, iframe, object, embed, link').count()).toBe(0);
    expect(await page.locator('style').count()).toBe(1);
    const handlers = await page.evaluate(
      "[...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.name)).filter((name) => name.startsWith('on'))",
    );
    expect(handlers).toEqual([]);
    expect(await page.title()).toContain(hostile('BANKTITLE'));
    return await page.locator('main').innerText();
  } finally {
    await context.close();
  }
}

/** Prints a page on A4 and Letter: between `min` and `max` pages, none of them empty. */
async function expectPrints(file: string, name: string, min: number, max: number): Promise<void> {
  for (const format of ['A4', 'Letter'] as const) {
    const { context, page } = await open(file);
    const pdfDir = await mkdtemp(join(work, `pdf-${name}-${format}-`));
    try {
      const pdf = join(OUTPUT, `${name}.${format.toLowerCase()}.pdf`);
      await page.pdf({ path: pdf, format, printBackground: true });
      const pages = await pdfPageCount(pdf);
      expect(pages).toBeGreaterThanOrEqual(min);
      expect(pages).toBeLessThanOrEqual(max);
      const ink = await pdfInkPerPage(pdf, pdfDir);
      expect(ink).toHaveLength(pages);
      for (const share of ink) expect(share).toBeGreaterThan(0.005);
    } finally {
      await context.close();
    }
  }
}

describe('team HTML report in Chromium', () => {
  it('shows sales and marketing overlaid on the radar, the heat map and the agenda, and requests nothing', async () => {
    const { context, page, requests, problems } = await open(reports.team);
    try {
      expect(requests).toEqual([pathToFileURL(reports.team).href]);
      expect(problems).toEqual([]);
      expect(await page.evaluate('getComputedStyle(document.body).backgroundColor')).toBe('rgb(238, 241, 244)');

      for (const id of ['team-radar', 'team-bars', 'team-heat']) {
        const chart = page.locator(`#${id}`);
        await expect.poll(() => chart.isVisible()).toBe(true);
        const box = await chart.boundingBox();
        expect(box?.width).toBeGreaterThan(300);
        expect(box?.height).toBeGreaterThan(150);
        expect(await chart.getAttribute('role')).toBe('img');
      }
      const radar = page.locator('#team-radar');
      expect(await radar.locator('.series').count()).toBe(4);
      for (const series of await radar.locator('.series').all()) expect(await series.isVisible()).toBe(true);
      const legend = await radar.textContent();
      for (const name of ['Sales', 'Marketing', 'Leadership', 'Whole team']) expect(legend).toContain(name);
      expect(await radar.getAttribute('aria-label')).toMatch(/Sales: Communication \d+, .*Marketing: Communication \d+/);
      expect(await page.locator('#team-heat .cell').count()).toBe(12 * 4);
      expect(await page.locator('#team-bars .range').count()).toBe(4);
      expect(await page.locator('.agenda-blocks > li').count()).toBeGreaterThanOrEqual(4);
      expect(await page.locator('.agenda h2').innerText()).toContain('Workshop agenda (90 minutes)');
      expect(await page.locator('.masthead .who').innerText()).toBe('9 respondents · Sales 3 · Marketing 3 · Leadership 3');

      await page.screenshot({ path: join(OUTPUT, 'team-report.png'), fullPage: true });
      await page.screenshot({ path: join(OUTPUT, 'team-report-first-screen.png') });
    } finally {
      await context.close();
    }
  });

  it('keeps hostile bank texts and names as text', async () => {
    const text = await expectInert(reports.hostileTeam);
    for (const field of ['BANKTITLE', 'NAME-SALES1', 'NAME-MARKETING2', 'PILLAR-ONE', 'TEXT-ONE1', 'BANDLOW']) expect(text).toContain(hostile(field));
  });

  it('prints a few pages, none empty', async () => {
    await expectPrints(reports.team, 'team-report', 4, 12);
  });
});

describe('compare HTML report in Chromium', () => {
  it('shows the before/after chart and the statements that moved, and requests nothing', async () => {
    const { context, page, requests, problems } = await open(reports.compare);
    try {
      expect(requests).toEqual([pathToFileURL(reports.compare).href]);
      expect(problems).toEqual([]);
      const chart = page.locator('#compare-pillars');
      await expect.poll(() => chart.isVisible()).toBe(true);
      expect((await chart.boundingBox())?.width).toBeGreaterThan(300);
      expect(await chart.locator('.change-row').count()).toBe(5);
      expect(await page.locator('.gaps tbody tr').count()).toBeGreaterThan(0);
      expect(await page.locator('.movers tbody tr').count()).toBeGreaterThan(0);
      await page.screenshot({ path: join(OUTPUT, 'compare-report.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('keeps hostile bank texts as text', async () => {
    const text = await expectInert(reports.hostileCompare);
    for (const field of ['PILLAR-ONE', 'PILLAR-TWO']) expect(text).toContain(hostile(field));
  });

  it('prints a few pages, none empty', async () => {
    await expectPrints(reports.compare, 'compare-report', 1, 4);
  });
});
