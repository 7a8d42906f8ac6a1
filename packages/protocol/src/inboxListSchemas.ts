/** TypeBox schemas of the inbox list routes (I3, I5); exported from the schemas entry. */
import Type from 'typebox';
import { TICKET_CATEGORY_MAX_LENGTH } from './ticketProperties.js';

const Id = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
const literals = <const T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));

export const ConversationListQuerySchema = Type.Object(
  {
    view: literals(['unassigned', 'mine', 'all', 'closed', 'snoozed', 'team'] as const),
    team: Type.Optional(Id),
    status: Type.Optional(literals(['open', 'snoozed', 'closed'] as const)),
    assignee: Type.Optional(Type.String({ pattern: '^(unassigned|[1-9][0-9]{0,15})$', description: 'a user id, or "unassigned"' })),
    chatflow: Type.Optional(Id),
    priority: Type.Optional(literals(['low', 'normal', 'high', 'urgent'] as const)),
    category: Type.Optional(Type.String({ minLength: 1, maxLength: TICKET_CATEGORY_MAX_LENGTH, description: 'the ticket category, exactly as set (surrounding spaces ignored)' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 300, description: 'nextCursor of the previous page' })),
  },
  { additionalProperties: false },
);

/** Reassign to a team (I5): the conversation becomes unassigned within the team and is routed to its members. */
export const TeamAssignBodySchema = Type.Object({ teamId: Id }, { additionalProperties: false });

/** Workspace settings for the inbox (I3). */
export const InboxSettingsBodySchema = Type.Object({ agentsSeeAll: Type.Boolean() }, { additionalProperties: false });
