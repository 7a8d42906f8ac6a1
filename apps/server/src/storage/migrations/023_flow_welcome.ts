/**
 * W8: every flow now runs, after the chatflow's welcome line. Migration 020 gave existing
 * chatflows a flow that began with a message card repeating their welcome; left there, visitors
 * would read the welcome twice. The copy goes, when it still says what the welcome says.
 */
import type { Kysely } from 'kysely';
import type { StorageDriver } from '../drivers/driver.js';

interface Row {
  id: number;
  settings: string;
  flow: string | null;
}

function welcomeOf(settingsJson: string): string | null {
  try {
    const settings = JSON.parse(settingsJson) as { welcomeMessage?: unknown };
    return typeof settings.welcomeMessage === 'string' ? settings.welcomeMessage.trim() : null;
  } catch {
    return null;
  }
}

/** The flow without its first card when that card is a message repeating `welcome`; null when nothing changes. */
export function withoutWelcomeCopy(flowJson: string | null, welcome: string | null): string | null {
  if (!flowJson || welcome === null) return null;
  let flow: unknown;
  try {
    flow = JSON.parse(flowJson);
  } catch {
    return null;
  }
  if (!Array.isArray(flow) || flow.length < 2) return null;
  const first = flow[0] as { type?: unknown; text?: unknown } | null;
  if (!first || first.type !== 'message' || typeof first.text !== 'string' || first.text.trim() !== welcome) return null;
  return JSON.stringify(flow.slice(1));
}

export function flowWelcomeMigration(_driver: StorageDriver) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const chatflows = db as Kysely<{ chatflows: Row }>;
      const rows = await chatflows.selectFrom('chatflows').select(['id', 'settings', 'flow']).execute();
      for (const row of rows) {
        const flow = withoutWelcomeCopy(row.flow, welcomeOf(row.settings));
        if (flow !== null) await chatflows.updateTable('chatflows').set({ flow }).where('id', '=', row.id).execute();
      }
    },
  };
}
