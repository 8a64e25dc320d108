import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium: the npm registry's browser downloads are not reachable here, so `.ci/run` installs the package. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(__dirname, '..', 'screenshots');
/** A small phone: every page must fit it without horizontal scroll. */
export const PHONE = { width: 360, height: 740 };

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

/**
 * Chromium with a fresh profile (Playwright's `launch` gives each browser a new temporary user-data-dir and removes it on close).
 * A missing browser fails the test with the way to install it: a skipped browser test would hide a broken app.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not at ${CHROMIUM}: install it with \`apt-get update && apt-get install -y chromium\` (.ci/run does)`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS, timeout: 60_000 });
}

const people = new Set<BrowserContext>();

/** One person's browser: its own cookies, a phone-sized window, the language its browser asks for. */
export async function personIn(browser: Browser, baseURL: string, locale: 'en-US' | 'es-US'): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, viewport: PHONE, locale, extraHTTPHeaders: { 'Accept-Language': locale } });
  people.add(context);
  context.on('close', () => people.delete(context));
  context.on('page', watchForErrors);
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  return context;
}

/** What went wrong in each page that a person would not see: uncaught errors and what the Content-Security-Policy blocked. */
const pageErrors = new WeakMap<Page, string[]>();

const openPages = new Set<Page>();

function watchForErrors(page: Page): void {
  const errors: string[] = [];
  openPages.add(page);
  page.on('close', () => openPages.delete(page));
  pageErrors.set(page, errors);
  // BROWSER_DEBUG=1 logs every API answer the page gets, with the body of each refusal.
  if (process.env.BROWSER_DEBUG) {
    page.on('response', async (r) => {
      if (!r.url().includes('/v1/')) return;
      const refusal = r.status() >= 400 ? ` ${r.request().postData() ?? ''} => ${await r.text().catch(() => '')}` : '';
      console.info(`${r.request().method()} ${r.url()} ${r.status()}${refusal}`);
    });
  }
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) errors.push(`CSP: ${message.text()}`);
  });
}

/** Closes every person's browser of the test that ends (each test's evidence then shows only its own pages). */
export async function closeEveryone(): Promise<void> {
  await Promise.all([...people].map((context) => context.close()));
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * axe-core run in the page, answering its serious and critical violations. It goes in through the DevTools protocol
 * (page.evaluate), which the page's Content-Security-Policy does not apply to, so the CSP under test stays as served.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(
    () => (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe.run().then((r) => r.violations),
  );
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}${v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : ''}`);
}

/** How far the page is wider than its window (0 when nothing scrolls sideways). */
export const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/**
 * What every page visited must pass: axe with no serious or critical violation, no sideways scroll at 360 px, no
 * uncaught error and nothing blocked by the CSP since the page opened, the page's `lang` the language of the run (the
 * name's prefix, `en-` or `es-`: a screen reader reads Spanish with a Spanish voice only then), and a full-page screenshot kept under test/browser/screenshots/ (ignored by git) for a person to look at.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  expect({ page: name, violations: await seriousViolations(page) }).toEqual({ page: name, violations: [] });
  expect({ page: name, overflowPx: await sidewaysOverflow(page) }).toEqual({ page: name, overflowPx: 0 });
  expect({ page: name, errors: pageErrors.get(page) ?? [] }).toEqual({ page: name, errors: [] });
  expect({ page: name, lang: await page.evaluate(() => document.documentElement.lang) }).toEqual({ page: name, lang: name.slice(0, 2) });
}

/**
 * Runs a journey; when a step fails, keeps a screenshot of every open page (`failed-<label>-<n>.png`) and adds
 * each page's address and visible text to the error, so a failure in CI says what the person saw.
 */
export async function withEvidence<T>(label: string, journey: () => Promise<T>): Promise<T> {
  try {
    return await journey();
  } catch (error) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const seen = await Promise.all(
      [...openPages].map(async (page, n) => {
        await page.screenshot({ path: join(SCREENSHOTS, `failed-${label}-${n + 1}.png`), fullPage: true }).catch(() => undefined);
        const text = await page.locator('body').innerText({ timeout: 2_000 }).catch(() => '(no text)');
        return `page ${n + 1} at ${page.url()}:\n${text.slice(0, 3_000)}`;
      }),
    );
    if (error instanceof Error) {
      const shown = `\n\nWhat the browser showed:\n${seen.join('\n\n')}`;
      error.message += shown;
      error.stack = `${error.stack ?? ''}${shown}`;
    }
    throw error;
  }
}
