import { isChatflowLanguage, type ChatflowCandidate } from '@parley/chatflow';
import type { Chatflow, ChatflowLanguage, ChatflowTargeting } from '@parley/protocol';
import type { ChatflowRow } from '../../storage/schema.js';
import { parseAvailability, parseRouting } from '../routing/routingSettings.js';
import { parseWidgetSettings } from './chatflowSettings.js';
import { parseTicketDefaults } from '../ticketProperties/chatflowDefaults.js';
import { parseConsent } from '../consents/chatflowConsent.js';
import { parseFlow } from './chatflowFlow.js';

export const EVERY_PAGE: ChatflowTargeting = { groups: [], exclusions: [] };

/** Stored targeting; anything unreadable means every page (validation keeps that from happening). */
export function parseTargeting(json: string): ChatflowTargeting {
  try {
    const value = JSON.parse(json) as Partial<ChatflowTargeting> | null;
    if (value && Array.isArray(value.groups) && Array.isArray(value.exclusions)) return { groups: value.groups, exclusions: value.exclusions };
  } catch {
    // fall through
  }
  return EVERY_PAGE;
}

export function parseLanguage(value: string): ChatflowLanguage {
  return isChatflowLanguage(value) ? value : 'en';
}

export function toChatflow(row: ChatflowRow): Chatflow {
  const language = parseLanguage(row.language);
  return {
    id: row.id,
    siteId: row.site_id,
    name: row.name,
    published: row.published === 1,
    priority: row.priority,
    language,
    settings: parseWidgetSettings(row.settings),
    targeting: parseTargeting(row.targeting),
    routing: parseRouting(row.routing),
    availability: parseAvailability(row.availability),
    ticketDefaults: parseTicketDefaults(row.ticket_defaults),
    consent: parseConsent(row.consent, parseLanguage(row.language)),
    flow: parseFlow(row, language),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A stored chatflow as the engine's chooser sees it, keeping the row for what follows. */
export interface CandidateRow extends ChatflowCandidate {
  row: ChatflowRow;
}

export function toCandidate(row: ChatflowRow): CandidateRow {
  return { id: row.id, name: row.name, published: row.published === 1, priority: row.priority, targeting: parseTargeting(row.targeting), row };
}
