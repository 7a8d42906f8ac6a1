/**
 * Setting a conversation's ticket properties (issue 12): any user who may act on the chat (I3:
 * read access and an open conversation). Only the given fields change, each checked before
 * anything is written. The change is announced as `conversation.properties_changed`, whose feed
 * row has no visitor audience: these fields are for the team only.
 *
 * `updated_at` stays as it was: lists sort by activity, and a new priority is not activity.
 */
import type { ConversationSummary, SetTicketPropertiesRequest } from '@parley/protocol';
import { sql } from 'kysely';
import { inTransaction } from '../../events/unitOfWork.js';
import type { UserRow } from '../../storage/schema.js';
import type { AppContext } from '../context.js';
import { loadConversationRow } from '../conversations/loadConversation.js';
import { assertCanAct } from '../conversations/policies.js';
import { loadSummary } from '../conversations/presenters.js';
import { loadDefinitions } from './definitions.js';
import { applyValues, cleanCategory, parseValues } from './values.js';

export async function setTicketProperties(ctx: AppContext, user: UserRow, conversationId: number, input: SetTicketPropertiesRequest): Promise<ConversationSummary> {
  return inTransaction(ctx, async (uow) => {
    const { trx } = uow;
    const conversation = await loadConversationRow(trx, conversationId);
    assertCanAct(user, conversation);
    const category = input.category !== undefined ? cleanCategory(input.category) : undefined;
    const properties = input.properties
      ? applyValues(await loadDefinitions(trx, conversation.workspace_id), parseValues(conversation.properties), input.properties)
      : undefined;
    await trx
      .updateTable('conversations')
      .set({
        ...(input.priority !== undefined ? { priority: input.priority } : {}),
        ...(category !== undefined ? { category } : {}),
        ...(properties ? { properties: JSON.stringify(properties) } : {}),
        version: sql<number>`version + 1`,
      })
      .where('id', '=', conversationId)
      .execute();
    const summary = await loadSummary(trx, conversationId);
    uow.emit({ type: 'conversation.properties_changed', workspaceId: conversation.workspace_id, conversation: summary });
    return summary;
  });
}
