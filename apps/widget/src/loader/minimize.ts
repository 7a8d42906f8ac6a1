/**
 * W5: a visitor who minimized the chat is left alone on every page and chatflow of the site for
 * 24 hours — no prompt bubble, no opening by itself; the launcher stays. The time is kept in the
 * host page's localStorage (first-party, shared by every page of the site), read with Date.now()
 * so tests can move the clock.
 */
import { minimizeHolds } from '@parley/chatflow';
import { readStored, writeStored } from './hostStorage';

export const minimizedKey = (siteKey: string): string => `parley:${siteKey}:minimizedAt`;

/** A stored time, or null for nothing, garbage or zero. */
export const parseMinimizedAt = (stored: string | null): number | null => Number(stored) || null;

/** True while the last minimize on this site still holds back prompts and automatic opening. */
export const minimizeHeld = (siteKey: string): boolean => minimizeHolds(parseMinimizedAt(readStored(minimizedKey(siteKey))), Date.now());

export const rememberMinimize = (siteKey: string): void => writeStored(minimizedKey(siteKey), `${Date.now()}`);
