/**
 * Headless Chromium for the end-to-end tests: the system's Chromium through playwright-core
 * (never a downloaded browser build), an axe-core check that fails on serious or critical
 * accessibility violations, and the inbox sign-in as a person does it.
 *
 * Nothing here skips: a missing Chromium or an unbuilt front end fails the run with a message
 * that says what to do.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';

export const CHROMIUM = process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The built files the server needs to serve the widget and the inbox. */
const BUILT_FILES = ['apps/widget/dist/widget.js', 'apps/widget/dist/frame/index.html', 'apps/dashboard/dist/index.html'];

/** Throws unless the front ends were built (`npm run build` at the root; the tests never build). */
export function assertFrontEndsBuilt(): void {
  const missing = BUILT_FILES.filter((file) => !fs.existsSync(path.join(repoRoot, file)));
  if (missing.length > 0) {
    throw new Error(`front ends not built (missing ${missing.join(', ')}): run \`npm run build\` at the repository root first`);
  }
}

export function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `no Chromium at ${CHROMIUM}: install the distribution package (apt-get install chromium) or set PARLEY_CHROMIUM; ` +
        'the browser tests never download a browser build',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface A11yReport {
  /** Serious and critical violations, as "rule (impact): selector, selector" lines. */
  serious: string[];
  /** Minor and moderate ones, reported but not failing. */
  other: string[];
}

/**
 * Runs axe on one document (a page or a single frame). Frames are checked one by one, each with
 * its own call, so axe does not wait for frames it was not injected into.
 */
export async function a11yReport(target: Page | Frame): Promise<A11yReport> {
  // Evaluated, not added as a <script>: the pages' CSP refuses inline scripts, as it should.
  await target.evaluate(axeSource);
  const violations: Array<{ impact: string; line: string }> = await target.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, options: object): Promise<any> } }).axe;
    const result = await axe.run(document, { iframes: false });
    return result.violations.map((v: any) => ({
      impact: String(v.impact),
      line: `${v.id} (${v.impact}): ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`,
    }));
  });
  const isSerious = (impact: string) => impact === 'serious' || impact === 'critical';
  return {
    serious: violations.filter((v) => isSerious(v.impact)).map((v) => v.line),
    other: violations.filter((v) => !isSerious(v.impact)).map((v) => v.line),
  };
}

/** Serious and critical axe violations on the current page, as "rule: selector" lines. */
export async function seriousA11yViolations(target: Page | Frame): Promise<string[]> {
  return (await a11yReport(target)).serious;
}

/** axe: serious or critical fail the test; the rest is printed as diagnostics. */
export async function assertAccessible(t: TestContext, what: string, target: Page | Frame): Promise<void> {
  const result = await a11yReport(target);
  for (const line of result.other) t.diagnostic(`axe, ${what} (not failing): ${line}`);
  assert.deepEqual(result.serious, [], `serious or critical accessibility violations in ${what}`);
}

/** Sign in through the form, as a person would. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/inbox/`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Inbox' }).waitFor();
}

/** The count shown next to a view in the navigation, e.g. "Unassigned 2" → 2 (its unread badge aside). */
export async function viewCount(page: Page, view: string): Promise<number> {
  const text = await page.getByRole('link', { name: new RegExp(`^${view}`) }).locator('.count').innerText();
  return Number(text.trim() || NaN);
}

/** Polls until the check passes: counts refresh a moment after the event that changed them. */
export async function eventually(check: () => Promise<void>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
