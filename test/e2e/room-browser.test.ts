import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.js';
import { cli, tempDir } from '../helpers/cli.js';
import { startRoom, type RunningRoom } from '../helpers/room.js';

// The room as a workshop uses it: phones in headless Chromium (phone-sized, touch), the big screen at
// projector size, the built binary serving them on 127.0.0.1.

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

interface Device {
  context: BrowserContext;
  page: Page;
  /** Requests to anywhere but the room, and script errors or policy violations. */
  problems: string[];
}

async function device(room: RunningRoom, size: 'phone' | 'screen'): Promise<Device> {
  const context = await browser.newContext(
    size === 'phone'
      ? { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 }
      : { viewport: { width: 1280, height: 720 } },
  );
  const page = await context.newPage();
  const problems: string[] = [];
  context.on('request', (request) => {
    if (new URL(request.url()).origin !== room.origin) problems.push(`request to ${request.url()}`);
  });
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return { context, page, problems };
}

const progress = (page: Page) => page.locator('.progress').textContent();

/** Sales see little alignment, marketing a lot: the sales–marketing gap is there to be found. */
function valueFor(role: string, person: number, k: number): number {
  return role === 'sales' ? 1 + ((k + person) % 2) : 4 + ((k + person) % 2);
}

/** Answers statements from..to-1 (0-based) of a form of `total`, checking the progress line before each. */
async function answerSome(page: Page, role: string, person: number, total: number, from: number, to: number): Promise<void> {
  for (let k = from; k < to; k++) {
    await expect.poll(() => progress(page)).toMatch(new RegExp(`^${k + 1}/${total} · `));
    await page.getByRole('button', { name: new RegExp(`^${valueFor(role, person, k)} · `) }).tap();
  }
}

async function answerAll(page: Page, role: string, person: number, total: number, from = 0): Promise<void> {
  await answerSome(page, role, person, total, from, total);
  await page.getByRole('heading', { name: 'Thank you!' }).waitFor();
}

describe('cash-test room in Chromium', () => {
  it('six phones answer at once, one reloads midway; the screen counts 3 + 3 and reveals the gap; aggregate agrees', async () => {
    const dir = tempDir();
    const room = await startRoom(dir);
    const screen = await device(room, 'screen');
    await screen.page.goto(room.screen);
    await expect.poll(() => screen.page.locator('#joined').textContent()).toBe('0');
    await expect
      .poll(() => screen.page.locator('#needed').textContent())
      .toBe('3 more salespeople and 3 more marketers and the sales–marketing gap can be shown.');

    // Every value the screen's "finished" count shows, as it shows it.
    await screen.page.evaluate(`(() => {
      const finished = document.getElementById('finished');
      window.seen = [];
      new MutationObserver(() => window.seen.push(finished.textContent)).observe(finished, { childList: true, characterData: true, subtree: true });
    })()`);
    const roles = ['sales', 'sales', 'sales', 'marketing', 'marketing', 'marketing'];
    const phones = await Promise.all(roles.map(() => device(room, 'phone')));
    let total = 0;
    await Promise.all(
      phones.map(async ({ page }, person) => {
        const role = roles[person] ?? 'other';
        await page.goto(room.join);
        await page.getByText(/Your answers are anonymous/).waitFor();
        await page.getByRole('button', { name: role === 'sales' ? 'Sales' : 'Marketing', exact: true }).tap();
        await expect.poll(() => progress(page)).toMatch(/^1\/\d+ · /);
        total = Number(/^1\/(\d+)/.exec((await progress(page)) ?? '')?.[1]);
        if (person !== 0) return answerAll(page, role, person, total);
        // This phone reloads after 5 answers: it resumes at the 6th, and the 5th is marked when it goes back.
        await answerSome(page, role, person, total, 0, 5);
        await expect.poll(() => progress(page)).toMatch(/^6\//);
        await page.reload();
        await expect.poll(() => progress(page)).toMatch(new RegExp(`^6/${total} · `));
        expect(await page.evaluate('document.activeElement.tagName')).toBe('H1');
        await page.getByRole('button', { name: '← Back' }).tap();
        await expect.poll(() => progress(page)).toMatch(/^5\//);
        const marked = page.locator('button[aria-pressed="true"]');
        await expect.poll(() => marked.count()).toBe(1);
        expect(await marked.textContent()).toMatch(new RegExp(`^${valueFor(role, person, 4)} · `));
        await marked.tap();
        return answerAll(page, role, person, total, 5);
      }),
    );
    expect(total).toBeGreaterThan(5);

    await expect.poll(() => screen.page.locator('#finished').textContent()).toBe('6');
    const seen = ((await screen.page.evaluate('window.seen')) as string[]).map(Number);
    expect(seen.filter((n, i) => n !== seen[i - 1])).toEqual([0, 1, 2, 3, 4, 5, 6].filter((n) => seen.includes(n)));
    expect(new Set(seen).size).toBeGreaterThan(2);
    const rows = await screen.page.locator('#roles tr').allTextContents();
    expect(rows).toEqual(['Sales33', 'Marketing33']);
    await expect.poll(() => screen.page.locator('#needed').textContent()).toBe('Enough answers for the sales–marketing gap.');
    expect(
      readdirSync(dir)
        .filter((f) => !f.startsWith('.'))
        .sort(),
    ).toEqual(['marketing-01.yaml', 'marketing-02.yaml', 'marketing-03.yaml', 'sales-01.yaml', 'sales-02.yaml', 'sales-03.yaml']);

    await screen.page.getByRole('button', { name: 'Reveal the results' }).click();
    await screen.page.locator('.slide[aria-label="Headline"]').waitFor();
    const aggregate = await cli(['aggregate', dir, '--quick', '--format', 'json']);
    expect(aggregate.code, aggregate.stderr).toBe(0);
    const report = JSON.parse(aggregate.stdout) as {
      overall: { team: { mean: number } };
      pillars: { id: string; name: string }[];
      gaps: { id: string; shown: boolean; pillars: { pillar: string; a: number; b: number }[] }[];
    };
    expect(await screen.page.locator('.score').textContent()).toBe(`${Math.floor(report.overall.team.mean)}/100`);
    await screen.page.keyboard.press('ArrowRight');
    await screen.page.locator('.slide[aria-label="Radar"] svg').waitFor();
    await screen.page.keyboard.press('ArrowRight');
    const gapSlide = screen.page.locator('.slide[aria-label="Gaps"]');
    await gapSlide.waitFor();
    const gap = report.gaps.find((g) => g.id === 'sales-marketing');
    expect(gap?.shown).toBe(true);
    const shown = await Promise.all((await gapSlide.locator('tbody tr').all()).map((tr) => tr.locator('th, td').allTextContents()));
    expect(shown.map((r) => r.slice(0, 3))).toEqual(
      gap?.pillars.map((p) => [report.pillars.find((x) => x.id === p.pillar)?.name, String(Math.floor(p.a)), String(Math.floor(p.b))]),
    );
    // Each figure column's heading sits over its figures, aligned as they are.
    // A string, as the tests' TypeScript has no DOM types: [heading, first figure] alignment per figure column.
    const alignments = await screen.page.evaluate(`(() => {
      const table = document.querySelector('.slide[aria-label="Gaps"] table');
      const align = (cell) => (cell ? getComputedStyle(cell).textAlign : 'missing');
      const first = table.querySelector('tbody tr');
      return [...table.querySelectorAll('thead th')].slice(1).map((head, i) => [align(head), align(first.children[i + 1])]);
    })()`);
    expect(alignments).toEqual([
      ['right', 'right'],
      ['right', 'right'],
      ['right', 'right'],
    ]);
    await screen.page.locator('.slide[aria-label="Gaps"]').click();
    await screen.page.locator('.slide[aria-label="Agenda"]').waitFor();

    const [full] = await Promise.all([screen.context.waitForEvent('page'), screen.page.getByRole('link', { name: 'Full report' }).click()]);
    await full.locator('h1').waitFor();
    expect(await full.locator('h2', { hasText: 'Perception gaps' }).count()).toBe(1);

    for (const d of [screen, ...phones]) expect(d.problems).toEqual([]);
    expect((await room.stop('SIGINT')).code).toBe(0);
  });

  it('with --names, hostile names and teams stay text: in the page, the answer file and the report', async () => {
    const dir = tempDir();
    const room = await startRoom(dir, ['--quick', '--names', '--show-own']);
    const phone = await device(room, 'phone');
    const hostile = `<img src=x onerror="alert('name')"><script>alert("n")</script> "Dana" & 'co' \u202e`;
    await phone.page.goto(room.join);
    await phone.page.getByLabel('Your name (optional)').fill(hostile);
    await phone.page.getByLabel('Your team (optional)').fill(`</script><b>EMEA</b>`);
    await phone.page.getByRole('button', { name: 'Leadership (CEO, CRO, CMO, founder)' }).tap();
    const total = Number(/^1\/(\d+)/.exec((await progress(phone.page)) ?? '')?.[1]);
    await answerAll(phone.page, 'leadership', 0, total);
    await phone.page.getByRole('heading', { name: 'Your own result' }).waitFor();
    expect(await phone.page.locator('.result tr').count()).toBeGreaterThan(1);
    expect(await phone.page.getByRole('note').count()).toBe(0);

    // The same answer to every statement: the phone warns as the single report does.
    const same = await device(room, 'phone');
    await same.page.goto(room.join);
    await same.page.getByRole('button', { name: 'Sales', exact: true }).tap();
    for (let k = 0; k < total; k++) {
      await expect.poll(() => progress(same.page)).toMatch(new RegExp(`^${k + 1}/${total} · `));
      await same.page.getByRole('button', { name: /^4 · / }).tap();
    }
    await same.page.getByRole('heading', { name: 'Your own result' }).waitFor();
    expect(await same.page.getByRole('note').textContent()).toMatch(/^You gave the same answer, “[^”]+”, to every statement/);
    expect(same.problems).toEqual([]);

    const [file] = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    expect(file).toBe('leadership-01.yaml');
    const text = readFileSync(join(dir, file ?? ''), 'utf8');
    expect(text).toContain('team: "</script><b>EMEA</b>"');
    const html = await cli(['aggregate', dir, '--quick', '--show-names', '--min-group', '1', '--format', 'html']);
    expect(html.code, html.stderr).toBe(0);
    expect(html.stdout).toContain('&lt;img src=x onerror=');
    expect(html.stdout).not.toContain('<img src=x');
    expect(phone.problems).toEqual([]);
    expect((await room.stop()).code).toBe(130);
  });
});
