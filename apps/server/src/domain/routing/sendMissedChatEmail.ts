/**
 * The failed-action email (R3, I8) for a chat nobody accepted: to the chatflow's owners, or to
 * every admin when none are set. Runs from a durable deadline after the fallback committed; a
 * send error leaves the deadline in place to be retried.
 */
import type { AppContext } from '../context.js';
import { loadChatEmailFacts, visitorMessageBody } from '../notifications/chatEmailFacts.js';
import { parseRouting } from './routingSettings.js';
import { composeMissedChatEmail } from './missedChatEmail.js';

export async function sendMissedChatEmail(ctx: AppContext, conversationId: number): Promise<void> {
  const db = ctx.storage.db;
  const facts = await loadChatEmailFacts(ctx, conversationId);
  if (!facts) return;
  const owners = parseRouting(facts.routing).ownerUserIds;
  let recipients = db.selectFrom('users').select('email').where('workspace_id', '=', facts.workspaceId).where('deleted_at', 'is', null);
  recipients = owners.length > 0 ? recipients.where('id', 'in', owners) : recipients.where('role', '=', 'admin');
  const to = (await recipients.execute()).map((r) => r.email);
  if (to.length === 0) return;
  const mail = composeMissedChatEmail({ ...facts, firstMessage: await visitorMessageBody(db, conversationId, 'first') });
  await ctx.mailer.send({ to, ...mail });
}
