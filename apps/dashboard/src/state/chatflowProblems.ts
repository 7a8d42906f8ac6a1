/**
 * What is wrong with a chatflow draft, in words an admin can act on. The server checks the same
 * and more (its answer is shown too); checking here first saves a round trip and names the rule.
 */
import { isVisitorInfoCriterion, validateCriterion } from '@parley/chatflow';
import { parseWhole } from '../format/numbers.js';
import { toCondition, type ChatflowDraft } from './chatflowDraft.js';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export function isTime(value: string): boolean {
  return TIME.test(value);
}

export function chatflowProblems(draft: ChatflowDraft): string[] {
  const problems: string[] = [];
  const { routing, availability } = draft;

  if (routing.mode === 'specific_user' && routing.userId === null) problems.push('Choose the user who gets the chats.');
  if (routing.mode === 'team' && routing.teamId === null) problems.push('Choose the team that gets the chats.');
  if (routing.mode === 'skills' && routing.skills.length === 0) problems.push('Add at least one required skill.');
  if (routing.mode === 'custom_rules') {
    if (routing.rules.length === 0) problems.push('Add at least one rule, or choose another assignment mode.');
    routing.rules.forEach((rule, index) => {
      const where = `Rule ${index + 1}`;
      if (rule.targetKind === 'user' && rule.userId === null) problems.push(`${where}: choose a user to route to.`);
      if (rule.targetKind === 'team' && rule.teamId === null) problems.push(`${where}: choose a team to route to.`);
      rule.conditions.forEach((condition, at) => {
        const which = `${where}, condition ${at + 1}`;
        const saved = toCondition(condition);
        if (isVisitorInfoCriterion(saved)) {
          // Known / unknown and contact criteria: the engine's check, as the server does it.
          for (const problem of validateCriterion(saved, 'condition')) problems.push(`${which}: ${problem.message}`);
          return;
        }
        if (condition.field === 'property' && !condition.name.trim()) problems.push(`${which}: name the visitor property.`);
        if (!condition.value.trim()) problems.push(`${which}: enter a value to compare with.`);
      });
    });
  }
  if (parseWhole(routing.acceptTimeoutSeconds, 10, 3600) === null) {
    problems.push('Accept timeout must be a whole number of seconds from 10 to 3600.');
  }
  if (parseWhole(routing.inactivityTimeoutMinutes, 1, 10080) === null) {
    problems.push('Inactivity timeout must be a whole number of minutes from 1 to 10080 (a week).');
  }

  if (!availability.timeZone) problems.push('Choose the time zone of the office hours.');
  for (const range of availability.ranges) {
    if (!isTime(range.start) || !isTime(range.end)) {
      problems.push(`Office hours on ${dayName(range.day)}: write times as HH:MM, 24-hour (e.g. 09:00 or 17:30).`);
    }
  }
  if (availability.mode === 'office_hours' && availability.ranges.length === 0) {
    problems.push('Add office hours to at least one day, or choose another availability mode.');
  }
  return [...new Set(problems)];
}

export const DAYS = [
  { day: 'mon', name: 'Monday' },
  { day: 'tue', name: 'Tuesday' },
  { day: 'wed', name: 'Wednesday' },
  { day: 'thu', name: 'Thursday' },
  { day: 'fri', name: 'Friday' },
  { day: 'sat', name: 'Saturday' },
  { day: 'sun', name: 'Sunday' },
] as const;

export function dayName(day: string): string {
  return DAYS.find((entry) => entry.day === day)?.name ?? day;
}
