/**
 * The I8 emails, run by their durable deadlines (emailDeadlines.ts). Who is away is decided when
 * the deadline fires, a moment after the event: users who chose the email and are away, or have
 * no inbox connected, get it. A send error leaves the deadline to be retried.
 */
import type { EmailNotificationKind } from '@parley/protocol';
import type { AppContext } from '../context.js';
import { connectedExpression } from '../presence/connected.js';
import { loadChatEmailFacts, visitorMessageBody, type ChatEmailFacts } from './chatEmailFacts.js';
import { composeAssignedEmail, composeNewConversationEmail, type ChatEmailInput } from './notificationEmails.js';
import { loadPreferencesOf } from './preferences.js';

/** Active users of the workspace (optionally only these) who are away or not connected now. */
async function awayUsers(ctx: AppContext, workspaceId: number, onlyUserId?: number): Promise<Array<{ id: number; email: string }>> {
  let query = ctx.storage.db
    .selectFrom('users')
    .select(['users.id', 'users.email'])
    .where('users.workspace_id', '=', workspaceId)
    // Deleted users are deactivated too.
    .where('users.deactivated_at', 'is', null)
    .where((eb) => eb.or([eb('users.availability', '=', 'away'), eb.not(connectedExpression(ctx.clock())(eb))]));
  if (onlyUserId !== undefined) query = query.where('users.id', '=', onlyUserId);
  const rows = await query.orderBy('users.id').execute();
  return rows.map((row) => ({ id: Number(row.id), email: row.email }));
}

async function recipientsWhoChose(ctx: AppContext, workspaceId: number, kind: EmailNotificationKind, onlyUserId?: number): Promise<string[]> {
  const users = await awayUsers(ctx, workspaceId, onlyUserId);
  const preferences = await loadPreferencesOf(ctx.storage.db, users.map((user) => user.id));
  return users.filter((user) => preferences.get(user.id)?.email[kind]).map((user) => user.email);
}

function emailInput(ctx: AppContext, facts: ChatEmailFacts, message: string | null): ChatEmailInput {
  return { ...facts, message, preferencesUrl: `${ctx.config.publicUrl}/inbox/notifications` };
}

export async function sendNewConversationEmail(ctx: AppContext, conversationId: number): Promise<void> {
  const facts = await loadChatEmailFacts(ctx, conversationId);
  if (!facts) return;
  const to = await recipientsWhoChose(ctx, facts.workspaceId, 'newConversation');
  if (to.length === 0) return;
  const first = await visitorMessageBody(ctx.storage.db, conversationId, 'first');
  await ctx.mailer.send({ to, ...composeNewConversationEmail(emailInput(ctx, facts, first)) });
}

export async function sendAssignedEmail(ctx: AppContext, conversationId: number, userId: number): Promise<void> {
  const facts = await loadChatEmailFacts(ctx, conversationId);
  // Handed on again, or closed, before the email went: it is no longer news for them.
  if (!facts || facts.status !== 'open' || facts.assigneeId !== userId) return;
  const to = await recipientsWhoChose(ctx, facts.workspaceId, 'assignedWhileAway', userId);
  if (to.length === 0) return;
  const latest = await visitorMessageBody(ctx.storage.db, conversationId, 'latest');
  await ctx.mailer.send({ to, ...composeAssignedEmail(emailInput(ctx, facts, latest)) });
}
