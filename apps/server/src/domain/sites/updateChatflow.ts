/**
 * A2/A7: an admin replaces a chatflow's widget, routing or availability settings. References
 * (users, teams, the time zone) are checked here, so a saved chatflow always routes somewhere
 * real; queued chats are woken, as the new rules may place them.
 */
import type { Chatflow, ChatflowRouting, UpdateChatflowRequest } from '@parley/protocol';
import type { Kysely } from 'kysely';
import { inTransaction } from '../../events/unitOfWork.js';
import type { Database } from '../../storage/schema.js';
import type { AppContext } from '../context.js';
import { validateOfficeHours } from '../availability/officeHours.js';
import { DomainError } from '../errors.js';
import { normalizeSkill } from '../routing/routingPool.js';
import { scheduleDrain } from '../routing/triggers.js';
import { toChatflow } from './queries.js';

export async function updateChatflow(ctx: AppContext, workspaceId: number, chatflowId: number, input: UpdateChatflowRequest): Promise<Chatflow> {
  if (input.availability) validateOfficeHours(input.availability.officeHours);
  return inTransaction(ctx, async (uow) => {
    const existing = await uow.trx.selectFrom('chatflows').select('id').where('id', '=', chatflowId).where('workspace_id', '=', workspaceId).executeTakeFirst();
    if (!existing) throw new DomainError('not_found');
    const routing = input.routing ? await checkRouting(uow.trx, workspaceId, input.routing) : undefined;
    const row = await uow.trx
      .updateTable('chatflows')
      .set({
        ...(input.settings ? { settings: JSON.stringify(input.settings) } : {}),
        ...(routing ? { routing: JSON.stringify(routing) } : {}),
        ...(input.availability ? { availability: JSON.stringify(input.availability) } : {}),
        updated_at: uow.now,
      })
      .where('id', '=', chatflowId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const chatflow = toChatflow(row);
    uow.emit({ type: 'chatflow.updated', workspaceId, chatflow });
    await scheduleDrain(uow, workspaceId, `chatflow:${chatflowId}:${uow.now}`);
    return chatflow;
  });
}

async function checkRouting(db: Kysely<Database>, workspaceId: number, routing: ChatflowRouting): Promise<ChatflowRouting> {
  const userIds = new Set<number>(routing.ownerUserIds);
  const teamIds = new Set<number>();
  if (routing.mode === 'specific_user') {
    if (routing.userId === null) throw new DomainError('validation_failed', 'routing.userId: pick the user who gets the chats');
    userIds.add(routing.userId);
  }
  if (routing.mode === 'team') {
    if (routing.teamId === null) throw new DomainError('validation_failed', 'routing.teamId: pick the team that gets the chats');
    teamIds.add(routing.teamId);
  }
  if (routing.mode === 'skills' && routing.skills.length === 0) throw new DomainError('validation_failed', 'routing.skills: name at least one skill');
  for (const rule of routing.rules) {
    if (rule.target.kind === 'user') userIds.add(rule.target.userId);
    else teamIds.add(rule.target.teamId);
  }
  if (userIds.size > 0) {
    const found = await db.selectFrom('users').select('id').where('workspace_id', '=', workspaceId).where('id', 'in', [...userIds]).execute();
    if (found.length !== userIds.size) throw new DomainError('validation_failed', 'routing: a referenced user is not in this workspace');
  }
  if (teamIds.size > 0) {
    const found = await db.selectFrom('teams').select('id').where('workspace_id', '=', workspaceId).where('id', 'in', [...teamIds]).execute();
    if (found.length !== teamIds.size) throw new DomainError('validation_failed', 'routing: a referenced team is not in this workspace');
  }
  return { ...routing, skills: [...new Set(routing.skills.map(normalizeSkill).filter(Boolean))], fallbackMessage: routing.fallbackMessage.trim() };
}
