/** Shared by the setup wizard and Sites browser tests: fail-fast steps, layout and a11y checks. */
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import type { Page } from 'playwright-core';

/** Upper bound for one wait on the page; every step finishes far sooner when healthy. */
export const WAIT_MS = 10_000;
const STEP_MS = 30_000;

let failedStep: string | null = null;

/** One step of a scenario; after a failed (or timed-out) step every later one fails at once. */
export function step(name: string, run: (t: TestContext) => Promise<void>): void {
  test(name, { timeout: STEP_MS }, async (t) => {
    if (failedStep) throw new Error(`not run: the earlier step "${failedStep}" failed`);
    failedStep = name;
    await run(t);
    failedStep = null;
  });
}

/** Kept here too so the inbox tests import their checks from one place. */
export { assertAccessible } from '../../../e2e/browser.js';

/** The page is no wider than the viewport (a 390 px phone must never scroll sideways). */
export async function assertNoHorizontalScroll(page: Page, what: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
    innerWidth: window.innerWidth,
  }));
  assert.ok(scrollWidth <= innerWidth, `${what} scrolls sideways: ${scrollWidth} px content in a ${innerWidth} px viewport`);
}

/** `#c0392b` → `rgb(192, 57, 43)`, as getComputedStyle reports colours. */
export function rgbOf(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}
