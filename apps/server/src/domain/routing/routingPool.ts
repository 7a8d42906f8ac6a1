/**
 * R1: which users a conversation may go to, by the chatflow's assignment mode. A pool has a
 * scope, the key of its round-robin cursor and of its FIFO queue: conversations of one pool
 * are offered strictly in arrival order.
 */
import { criterionMatches, isVisitorInfoCriterion, type CriteriaSubject } from '@parley/chatflow';
import type { ChatflowRouting, RuleCondition, TextOperator, VisitorContext } from '@parley/protocol';
import type { Candidate } from './candidates.js';

export interface RoutingPool {
  scope: string;
  /** Candidates allowed by the chatflow, in user id order. */
  members: Candidate[];
  /** Set when the pool is a team's: the conversation is then that team's (its team view lists it). */
  teamId?: number;
}

export interface RoutingSubject {
  chatflowId: number;
  context: VisitorContext;
  ownerId: number | null;
  /** The team it was routed or reassigned to (I5): it stays with that team's members. */
  teamId?: number | null;
  /** Known (linked to a contact) and the contact's facts, for rules with visitor-information criteria. */
  criteria?: CriteriaSubject;
  /** W8: the flow's answers so far, question card id → the label picked. */
  answers?: Record<string, string>;
}

export interface WorkspaceDirectory {
  candidates: Candidate[];
  teamMembers: Map<number, Set<number>>;
}

/** The pool for a conversation, or null when custom rules match nothing (→ fallback message). */
export function resolvePool(routing: ChatflowRouting, subject: RoutingSubject, directory: WorkspaceDirectory): RoutingPool | null {
  const everyone = directory.candidates;
  const team = (teamId: number | null): RoutingPool => {
    const members = teamId === null ? new Set<number>() : (directory.teamMembers.get(teamId) ?? new Set<number>());
    return { scope: `team:${teamId}`, members: everyone.filter((c) => members.has(c.id)), ...(teamId === null ? {} : { teamId }) };
  };
  const user = (userId: number | null): RoutingPool => ({ scope: `user:${userId}`, members: everyone.filter((c) => c.id === userId) });

  // A chat reassigned to a team (or routed to one before) waits in that team's line whatever the
  // chatflow says now: moving it is a person's decision, and a team never hands a chat back.
  if (subject.teamId != null) return team(subject.teamId);
  switch (routing.mode) {
    case 'round_robin':
      return { scope: `chatflow:${subject.chatflowId}`, members: everyone };
    case 'specific_user':
      return user(routing.userId);
    case 'team':
      return team(routing.teamId);
    case 'skills': {
      const required = routing.skills.map(normalizeSkill);
      return {
        scope: `skills:${[...required].sort().join(',')}`,
        members: everyone.filter((c) => {
          const held = new Set(c.skills.map(normalizeSkill));
          return required.every((skill) => held.has(skill));
        }),
      };
    }
    case 'contact_owner':
      // A visitor without an owner goes round robin across the chatflow.
      return subject.ownerId === null ? { scope: `chatflow:${subject.chatflowId}`, members: everyone } : user(subject.ownerId);
    case 'custom_rules': {
      const rule = routing.rules.find((r) => r.conditions.every((condition) => matches(condition, subject)));
      if (!rule) return null;
      return rule.target.kind === 'user' ? user(rule.target.userId) : team(rule.target.teamId);
    }
  }
}

export function normalizeSkill(skill: string): string {
  return skill.trim().toLowerCase();
}

function matches(condition: RuleCondition, subject: RoutingSubject): boolean {
  // Known / unknown and contact criteria: the engine's matcher, the same as targeting's.
  if (isVisitorInfoCriterion(condition)) return criterionMatches(condition, subject.criteria ?? { known: false, contact: null });
  if (condition.field === 'answer') {
    const answers = subject.answers ?? {};
    return Object.hasOwn(answers, condition.cardId) && compare('is', answers[condition.cardId]!, condition.value);
  }
  const context = subject.context;
  const actual =
    condition.field === 'page_url'
      ? context.pageUrl
      : condition.field === 'language'
        ? context.language
        : (Object.hasOwn(context.properties ?? {}, condition.name) ? context.properties[condition.name] : null) ?? null;
  return compare(condition.operator, actual, condition.value);
}

/** Text comparisons ignore case: "FI-fi" is Finnish too, and URLs are compared as typed. */
export function compare(operator: TextOperator, actual: string | null, expected: string): boolean {
  const a = (actual ?? '').toLowerCase();
  const e = expected.toLowerCase();
  switch (operator) {
    case 'is':
      return actual !== null && a === e;
    case 'is_not':
      return a !== e;
    case 'contains':
      return actual !== null && a.includes(e);
    case 'starts_with':
      return actual !== null && a.startsWith(e);
    case 'ends_with':
      return actual !== null && a.endsWith(e);
  }
}
