/**
 * Anonymous visitor identity: a bearer token the widget keeps in its storage. Presenting a
 * known token resumes the same visitor (reloads, other tabs); otherwise a new visitor is made.
 */
import type { ContextUpdateData } from '@parley/protocol';
import { sql } from 'kysely';
import { inTransaction } from '../../events/unitOfWork.js';
import { loadSummary } from '../conversations/presenters.js';
import type { VisitorRow } from '../../storage/schema.js';
import { hashToken, newToken } from '../auth/secrets.js';
import type { AppContext } from '../context.js';
import { DomainError } from '../errors.js';
import { findSiteByKey } from '../sites/queries.js';
import { EMPTY_CONTEXT, mergeContext, parseContext } from './visitorContext.js';
import { recordPageView } from '../identity/visitorActivity.js';

export async function startVisitorSession(
  ctx: AppContext,
  input: { siteKey: string; visitorToken?: string; userAgent?: string },
): Promise<{ visitor: VisitorRow; visitorToken: string }> {
  const site = await findSiteByKey(ctx, input.siteKey);
  const now = ctx.clock();
  if (input.visitorToken) {
    const visitor = await visitorForToken(ctx, input.visitorToken);
    if (!visitor || visitor.site_id !== site.id) throw new DomainError('invalid_visitor_token');
    await ctx.storage.db.updateTable('visitors').set({ last_seen_at: now }).where('id', '=', visitor.id).execute();
    return { visitor, visitorToken: input.visitorToken };
  }
  const visitorToken = newToken();
  const context = mergeContext(EMPTY_CONTEXT, {}, input.userAgent);
  const visitor = await ctx.storage.db
    .insertInto('visitors')
    .values({
      workspace_id: site.workspace_id,
      site_id: site.id,
      token_hash: hashToken(visitorToken),
      name: null,
      context: JSON.stringify(context),
      created_at: now,
      last_seen_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { visitor, visitorToken };
}

export async function visitorForToken(ctx: AppContext, token: string): Promise<VisitorRow | null> {
  const tokenHash = hashToken(token);
  const visitor = await ctx.storage.db.selectFrom('visitors').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  if (visitor) return visitor;
  // A verified second device's token for the contact's first visitor (W15, domain/identity).
  const aliased = await ctx.storage.db
    .selectFrom('visitor_tokens')
    .innerJoin('visitors', 'visitors.id', 'visitor_tokens.visitor_id')
    .selectAll('visitors')
    .where('visitor_tokens.token_hash', '=', tokenHash)
    .executeTakeFirst();
  return aliased ?? null;
}

/**
 * Stores the visitor's current page and browser facts; when a conversation is open its agents see
 * the change live (I6 visitor context), as a `conversation.updated` event.
 */
export async function updateVisitorContext(
  ctx: AppContext,
  visitorId: number,
  update: ContextUpdateData,
  userAgent: string | undefined,
): Promise<void> {
  await inTransaction(ctx, async (uow) => {
    const row = await uow.trx.selectFrom('visitors').select(['context', 'workspace_id']).where('id', '=', visitorId).executeTakeFirstOrThrow();
    const previous = parseContext(row.context);
    const merged = mergeContext(previous, update, userAgent);
    const next = JSON.stringify(merged);
    if (next === row.context) return;
    await uow.trx.updateTable('visitors').set({ context: next, last_seen_at: uow.now }).where('id', '=', visitorId).execute();
    // A new page is a page view on the visitor's (and so its contact's) timeline.
    if (merged.pageUrl !== null && merged.pageUrl !== previous.pageUrl) {
      await recordPageView(uow.trx, { id: visitorId, workspace_id: row.workspace_id }, { url: merged.pageUrl, title: merged.pageTitle }, uow.now);
    }
    const open = await uow.trx
      .selectFrom('conversations')
      .select('id')
      .where('visitor_id', '=', visitorId)
      .where('status', '=', 'open')
      .execute();
    for (const { id } of open) {
      await uow.trx.updateTable('conversations').set({ version: sql<number>`version + 1` }).where('id', '=', id).execute();
      uow.emit({ type: 'conversation.updated', workspaceId: row.workspace_id, conversation: await loadSummary(uow.trx, id) });
    }
  });
}
