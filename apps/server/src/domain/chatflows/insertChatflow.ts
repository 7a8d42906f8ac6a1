/**
 * Writes a new chatflow row: used by createChatflow, duplicateChatflow, createSite and the first
 * start's demo site. Leaving a field out means the defaults of a new chatflow (unpublished,
 * language `en`, its texts in that language, every page, today's routing and availability).
 */
import type { ChatflowAvailability, ChatflowLanguage, ChatflowRouting, ChatflowTargeting, ChatflowTicketDefaults, ChatflowWidgetSettings, FlowBranch } from '@parley/protocol';
import type { Kysely } from 'kysely';
import type { ChatflowRow, Database } from '../../storage/schema.js';
import { DEFAULT_AVAILABILITY, DEFAULT_ROUTING } from '../routing/routingSettings.js';
import { defaultWidgetSettings } from './chatflowSettings.js';
import { EVERY_PAGE } from './presenters.js';

export interface NewChatflow {
  workspaceId: number;
  siteId: number;
  name: string;
  priority: number;
  published?: boolean;
  language?: ChatflowLanguage;
  settings?: ChatflowWidgetSettings;
  targeting?: ChatflowTargeting;
  routing?: ChatflowRouting;
  availability?: ChatflowAvailability;
  /** Already checked against the workspace's ticket property definitions. */
  ticketDefaults?: ChatflowTicketDefaults;
  /** Already checked (`checkFlow`); left out, the welcome message then live chat (see `parseFlow`). */
  flow?: FlowBranch;
}

export function insertChatflow(db: Kysely<Database>, input: NewChatflow, now: number): Promise<ChatflowRow> {
  const language = input.language ?? 'en';
  return db
    .insertInto('chatflows')
    .values({
      workspace_id: input.workspaceId,
      site_id: input.siteId,
      name: input.name.trim(),
      published: input.published ? 1 : 0,
      priority: input.priority,
      language,
      settings: JSON.stringify(input.settings ?? defaultWidgetSettings(language)),
      targeting: JSON.stringify(input.targeting ?? EVERY_PAGE),
      routing: JSON.stringify(input.routing ?? DEFAULT_ROUTING),
      availability: JSON.stringify(input.availability ?? DEFAULT_AVAILABILITY),
      ...(input.ticketDefaults ? { ticket_defaults: JSON.stringify(input.ticketDefaults) } : {}),
      // Written only when given, as this also runs on databases before migration 020 (tests of
      // older migrations); a row without one reads as the default flow (`parseFlow`).
      ...(input.flow ? { flow: JSON.stringify(input.flow) } : {}),
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
