// Opens report.html in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core; never a
// downloaded browser), checks it renders with no console error and no network request, that every group card
// is there, and saves a screenshot under test-output/.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderOutputs } from '../../src/report/write.js';
import { repoPath } from '../data-path.js';
import { analyzeSynthetic, standInStages } from './fixtures.js';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let context: Awaited<ReturnType<typeof chromium.launchPersistentContext>>;

beforeAll(async () => {
  const profile = mkdtempSync(join(tmpdir(), 'pg-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: FLAGS,
    viewport: { width: 1200, height: 900 },
  });
});
afterAll(async () => {
  await context?.close();
});

async function open(html: string, name: string) {
  const dir = mkdtempSync(join(tmpdir(), 'pg-html-'));
  const path = join(dir, 'report.html');
  writeFileSync(path, html);
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
  });
  page.on('pageerror', (e) => void errors.push(String(e)));
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) requests.push(r.url());
  });
  await page.goto(pathToFileURL(path).href, { waitUntil: 'load' });
  const out = repoPath('test-output');
  mkdirSync(out, { recursive: true });
  await page.screenshot({ path: join(out, `${name}.png`), fullPage: true });
  return { page, errors, requests };
}

describe('report.html in headless Chromium', () => {
  it('renders every group card, the network and the charts, with no console error and no request', async () => {
    const { report, graph } = await analyzeSynthetic({ stages: standInStages });
    const html = renderOutputs(report, graph)['report.html'] as string;
    const { page, errors, requests } = await open(html, 'report-with-stages');
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    const cards = await page
      .locator('section.group-card')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-group')));
    expect(cards).toEqual(report.groups.map((g) => g.name));
    // the inline script ran and read the inlined data
    expect(await page.getAttribute('body', 'data-rendered')).toBe(String(report.groups.length));
    expect(await page.locator('svg.network circle').count()).toBe(report.people.length);
    expect(await page.locator('section.group-card svg.indicators circle.observed').count()).toBe(report.groups.length);
    // hovering a community row fades the other communities
    await page.locator('tr[data-community="0"]').hover();
    const faded = await page
      .locator('svg.network circle[data-community="1"]')
      .first()
      .evaluate((e) => (e as unknown as { style: { opacity: string } }).style.opacity);
    expect(faded).toBe('0.12');
    await page.close();
  });

  it('renders a report without analyses, saying what is missing', async () => {
    const { report, graph } = await analyzeSynthetic({ stages: {} });
    const { page, errors } = await open(renderOutputs(report, graph)['report.html'] as string, 'report-without-stages');
    expect(errors).toEqual([]);
    expect(await page.locator('section.group-card').count()).toBe(report.groups.length);
    expect(await page.locator('p.warn').textContent()).toMatch(/communities \(no communities analysis/);
    await page.close();
  });

  it('keeps hostile text inert: ids with markup are shown as text, never run', async () => {
    const { report, graph } = await analyzeSynthetic({ stages: standInStages });
    const evil = structuredClone(report);
    evil.groups[0] = {
      ...(evil.groups[0] as (typeof evil.groups)[0]),
      name: '</script><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">',
    };
    const { page, errors } = await open(renderOutputs(evil, graph)['report.html'] as string, 'report-hostile');
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    expect(await page.locator('section.group-card h3').first().textContent()).toContain('<img src=x');
    await page.close();
  });
});
