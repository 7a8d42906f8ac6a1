/**
 * The safety net behind sign-out signals: every PARLEY_SESSION_RECHECK_SECONDS a node reads the
 * sessions of all its inbox sockets in a few batched queries. A socket whose session is gone, or
 * whose user changed in a way it has not seen yet, re-checks itself (holding delivery), which
 * closes or re-scopes it. Nothing is applied from the batch directly: a re-check already running
 * may have read newer rows than the batch did.
 */
import type { AppContext } from '../domain/context.js';
import { sessionsByHash } from '../domain/auth/sessions.js';
import type { Connection } from './connection.js';

const BATCH = 500;

export async function recheckSessions(ctx: AppContext, connections: Iterable<Connection>): Promise<void> {
  const agents = [...connections].filter((c) => c.session && c.principal?.kind === 'agent');
  for (let i = 0; i < agents.length; i += BATCH) {
    const batch = agents.slice(i, i + BATCH);
    const found = await sessionsByHash(ctx, [...new Set(batch.map((c) => c.session!.tokenHash))]);
    for (const connection of batch) {
      const info = found.get(connection.session!.tokenHash);
      const principal = connection.principal;
      if (principal?.kind !== 'agent') continue;
      const changed = !info || info.user.role !== principal.user.role || info.user.workspace_id !== principal.workspaceId;
      if (changed) void connection.recheckSession();
    }
  }
}
