/**
 * Numbers and text for the messages bench: latency percentiles and a plain-text table.
 */

export interface Percentiles {
  p50: number;
  p99: number;
  p999: number;
  max: number;
  count: number;
}

/**
 * Nearest-rank percentiles (no interpolation), so every number printed is a latency that some
 * message really had. With fewer than 1000 samples p99.9 is simply the maximum.
 */
export function percentiles(samples: readonly number[]): Percentiles | null {
  if (samples.length === 0) return null;
  const sorted = Float64Array.from(samples).sort();
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
  return { p50: at(50), p99: at(99), p999: at(99.9), max: sorted[sorted.length - 1]!, count: sorted.length };
}

/** `p50 / p99 / p99.9` in milliseconds. */
export function formatLatency(p: Percentiles | null): string {
  if (!p) return '-';
  return [p.p50, p.p99, p.p999].map(formatMs).join(' / ');
}

export function formatMs(ms: number): string {
  return ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0);
}

export function formatRate(perSecond: number): string {
  return perSecond < 100 ? perSecond.toFixed(1) : perSecond.toFixed(0);
}

/** Left-aligned first column, right-aligned numbers, two spaces between columns. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(headers), rule, ...rows.map(line)].join('\n');
}
