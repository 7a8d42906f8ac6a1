/**
 * A chatflow's routing (R1–R4) and availability (W7) settings, stored as JSON on the chatflow.
 * Reading falls back to defaults field by field, so rows written by older versions stay valid.
 */
import { defaultChatflowTexts } from '@parley/chatflow';
import type { ChatflowAvailability, ChatflowRouting } from '@parley/protocol';

export const DEFAULT_ROUTING: ChatflowRouting = {
  mode: 'round_robin',
  userId: null,
  teamId: null,
  skills: [],
  rules: [],
  acceptTimeoutSeconds: 100,
  inactivityTimeoutMinutes: 10,
  // English; a new chatflow gets the one of its language (createChatflow).
  fallbackMessage: defaultChatflowTexts('en').fallbackMessage,
  ownerUserIds: [],
};

export const DEFAULT_AVAILABILITY: ChatflowAvailability = {
  mode: 'users',
  officeHours: {
    timeZone: 'UTC',
    ranges: (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, start: '09:00', end: '17:00' })),
    holidays: [],
  },
  typicalReplyTime: 'minutes',
  awayMessage: "We're away right now. Leave a message and we'll get back to you.",
  offlineBehavior: 'return_time',
  atCapacityBehavior: 'waiting_message',
  waitingMessage: 'All of our team are helping other visitors. You are in line and will be connected shortly.',
};

function parseObject(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function parseRouting(json: string): ChatflowRouting {
  return { ...DEFAULT_ROUTING, ...(parseObject(json) as Partial<ChatflowRouting>) };
}

export function parseAvailability(json: string): ChatflowAvailability {
  const stored = parseObject(json) as Partial<ChatflowAvailability>;
  return { ...DEFAULT_AVAILABILITY, ...stored, officeHours: { ...DEFAULT_AVAILABILITY.officeHours, ...(stored.officeHours ?? {}) } };
}
