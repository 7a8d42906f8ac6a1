/** Shared by the setup wizard and Sites browser tests: fail-fast steps, layout and a11y checks. */
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { a11yReport } from '../../../e2e/browser.js';

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

/** axe: serious or critical fail the step; the rest is printed as diagnostics. */
export async function assertAccessible(t: TestContext, what: string, target: Page | Frame): Promise<void> {
  const result = await a11yReport(target);
  for (const line of result.other) t.diagnostic(`axe, ${what} (not failing): ${line}`);
  assert.deepEqual(result.serious, [], `serious or critical accessibility violations in ${what}`);
}

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
