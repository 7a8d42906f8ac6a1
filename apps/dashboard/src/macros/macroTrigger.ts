/**
 * Where a `/shortcut` is being typed in the reply box, and which macros it matches. A slash only
 * counts at the start of the box or after whitespace, so URLs and "and/or" never open the list.
 */
import type { Macro } from '@parley/protocol';

export interface MacroTrigger {
  /** Index of the slash. */
  start: number;
  /** Index just after what was typed (the caret). */
  end: number;
  query: string;
}

export function findMacroTrigger(text: string, caret: number): MacroTrigger | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)\/([a-z0-9_-]{0,32})$/i.exec(before);
  if (!match) return null;
  const start = caret - match[2]!.length - 1;
  return { start, end: caret, query: match[2]!.toLowerCase() };
}

/** Shortcuts that start with the query first, then titles that contain it; at most `limit`. */
export function matchMacros(macros: readonly Macro[], query: string, limit = 8): Macro[] {
  const q = query.toLowerCase();
  const byShortcut = macros.filter((m) => m.shortcut.startsWith(q));
  const byTitle = macros.filter((m) => !m.shortcut.startsWith(q) && q.length > 0 && m.title.toLowerCase().includes(q));
  return [...byShortcut, ...byTitle].slice(0, limit);
}

/** The text with `/query` replaced by the expanded macro, and where the caret goes after it. */
export function insertMacro(text: string, trigger: MacroTrigger, expanded: string): { text: string; caret: number } {
  return { text: text.slice(0, trigger.start) + expanded + text.slice(trigger.end), caret: trigger.start + expanded.length };
}
