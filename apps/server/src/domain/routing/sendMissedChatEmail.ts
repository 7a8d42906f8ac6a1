/**
 * The failed-action email (R3, I8) for a chat nobody accepted: to the chatflow's owners, or to
 * every admin when none are set, except those who turned it off (missedChat). Runs from a durable deadline after the fallback committed; a
 * send error leaves the deadline in place to be retried.
 */
import type { AppContext } from '../context.js';
import { loadChatEmailFacts, visitorMessageBody } from '../notifications/chatEmailFacts.js';
import { loadPreferencesOf } from '../notifications/preferences.js';
import { parseRouting } from './routingSettings.js';
import { composeMissedChatEmail } from './missedChatEmail.js';

export async function sendMissedChatEmail(ctx: AppContext, conversationId: number): Promise<void> {
  const db = ctx.storage.db;
  const facts = await loadChatEmailFacts(ctx, conversationId);
  if (!facts) return;
  const owners = parseRouting(facts.routing).ownerUserIds;
  let recipients = db.selectFrom('users').select(['id', 'email']).where('workspace_id', '=', facts.workspaceId).where('deleted_at', 'is', null);
  recipients = owners.length > 0 ? recipients.where('id', 'in', owners) : recipients.where('role', '=', 'admin');
  const candidates = await recipients.execute();
  const preferences = await loadPreferencesOf(db, candidates.map((r) => Number(r.id)));
  const to = candidates.filter((r) => preferences.get(Number(r.id))?.email.missedChat).map((r) => r.email);
  if (to.length === 0) return;
  const mail = composeMissedChatEmail({ ...facts, firstMessage: await visitorMessageBody(db, conversationId, 'first') });
  await ctx.mailer.send({ to, ...mail });
}
