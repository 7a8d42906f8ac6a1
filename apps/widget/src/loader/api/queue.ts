/**
 * The queue half of the JavaScript API (W15): what the snippet's stub recorded before the loader
 * arrived is replayed, in order, once the real methods are in place, and every call after that
 * runs only when the one before it has finished (an `identify` before an `open` decides which
 * visitor's chat opens).
 */
import { PARLEY_API_METHODS, type ParleyApiMethod } from '@parley/protocol';

export type QueuedCall = [ParleyApiMethod, unknown[]];
/** Each method takes what a page passes it and checks it (a page can pass anything). */
export type ParleyMethods = Record<ParleyApiMethod, (...args: never[]) => unknown>;

const isMethod = (name: unknown): name is ParleyApiMethod => PARLEY_API_METHODS.includes(name as ParleyApiMethod);

/** The stub's recorded calls (`stub.q`); anything else the page left there is skipped. */
export function takeQueue(stub: unknown): QueuedCall[] {
  const queue = (stub as { q?: unknown } | null | undefined)?.q;
  if (!Array.isArray(queue)) return [];
  const calls: QueuedCall[] = [];
  for (const entry of queue as unknown[]) {
    if (!Array.isArray(entry) || !isMethod(entry[0])) continue;
    const args = entry[1] as ArrayLike<unknown> | undefined;
    calls.push([entry[0], args && typeof args === 'object' ? Array.from(args) : []]);
  }
  return calls;
}

/**
 * Puts `methods` on `window.Parley` (the stub object itself when there is one, so a page that
 * kept a reference to it keeps working; a new object after the old one-tag snippet) and replays
 * the stub's calls. Returns the object. Never twice: a second call finds the real API in place.
 */
export function installApi(win: { Parley?: unknown }, methods: ParleyMethods): object {
  const existing = win.Parley;
  const target = (existing && typeof existing === 'object' ? existing : {}) as Record<string, unknown>;
  const calls = takeQueue(target);
  Object.assign(target, methods);
  delete target.q;
  win.Parley = target;
  for (const [name, args] of calls) {
    try {
      const result = (methods[name] as (...passed: unknown[]) => unknown)(...args);
      // A replayed call has nobody to tell about its failure but the console.
      if (result instanceof Promise) result.catch((error: unknown) => console.warn(`[parley] Parley.${name}:`, error));
    } catch (error) {
      console.warn(`[parley] Parley.${name}:`, error);
    }
  }
  return target;
}

/** Runs tasks one after another; each call's promise settles with its own task. */
export function serial(): <T>(task: () => T | Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(task: () => T | Promise<T>): Promise<T> => {
    const run = last.then(task);
    last = run.catch(() => {});
    return run;
  };
}
