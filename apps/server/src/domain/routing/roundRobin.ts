/**
 * Round robin per pool: the next chat goes to the first eligible user after the one who got the
 * previous chat (by user id, wrapping around). The cursor is stored, so the rotation continues
 * across restarts and nodes; eligible users are passed in, so a busy or away user is skipped
 * without losing their turn order.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import type { Candidate } from './candidates.js';

export class RoundRobin {
  private readonly cursors = new Map<string, number | null>();
  private readonly changed = new Set<string>();

  constructor(private readonly trx: Kysely<Database>) {}

  async next(scope: string, eligible: Candidate[]): Promise<Candidate> {
    if (!this.cursors.has(scope)) {
      const row = await this.trx.selectFrom('routing_cursors').select('last_user_id').where('scope', '=', scope).executeTakeFirst();
      this.cursors.set(scope, row?.last_user_id ?? null);
    }
    const last = this.cursors.get(scope) ?? null;
    const sorted = [...eligible].sort((a, b) => a.id - b.id);
    const chosen = sorted.find((c) => last === null || c.id > last) ?? sorted[0]!;
    this.cursors.set(scope, chosen.id);
    this.changed.add(scope);
    return chosen;
  }

  async save(): Promise<void> {
    for (const scope of this.changed) {
      const lastUserId = this.cursors.get(scope)!;
      await this.trx
        .insertInto('routing_cursors')
        .values({ scope, last_user_id: lastUserId })
        .onConflict((oc) => oc.column('scope').doUpdateSet({ last_user_id: lastUserId }))
        .execute();
    }
    this.changed.clear();
  }
}
