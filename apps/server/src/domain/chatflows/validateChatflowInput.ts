/**
 * The meaning of what an admin sends for a chatflow, checked with the engine's own validators so
 * the dashboard (which shows the same sentences before saving) and the server agree. The first
 * problems go back as one `validation_failed` detail naming each path; nothing is written.
 */
import { validateRoutingCriteria, validateSettings, validateTargeting, type Problem } from '@parley/chatflow';
import type { UpdateChatflowRequest } from '@parley/protocol';
import { validateOfficeHours } from '../availability/officeHours.js';
import { DomainError } from '../errors.js';

export function validateChatflowInput(input: UpdateChatflowRequest): void {
  if (input.name !== undefined && input.name.trim() === '') throw new DomainError('validation_failed', 'name: the chatflow needs a name');
  const problems: Problem[] = [];
  if (input.targeting !== undefined) problems.push(...validateTargeting(input.targeting));
  if (input.settings !== undefined) problems.push(...validateSettings(input.settings, true));
  // Custom rules' known / unknown and contact criteria: the same check as targeting's.
  if (input.routing !== undefined) problems.push(...validateRoutingCriteria(input.routing.rules));
  if (problems.length > 0) {
    throw new DomainError('validation_failed', problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`).join(' '));
  }
  if (input.availability) validateOfficeHours(input.availability.officeHours);
}
