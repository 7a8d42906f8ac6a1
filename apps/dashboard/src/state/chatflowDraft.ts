/**
 * The chatflow settings form works on a draft: numbers stay as typed, list items carry local
 * keys (so reordering moves the right rows and keeps focus), and targets may be unset until
 * saved. `toRequest` turns a checked draft into the PATCH body.
 */
import type {
  Chatflow,
  ChatflowAvailability,
  ChatflowRouting,
  ContactAttribute,
  ContactOperator,
  OfficeHoursRange,
  RuleCondition,
  RoutingRule,
  TextOperator,
  UpdateChatflowRequest,
} from '@parley/protocol';

export interface ConditionDraft {
  key: number;
  field: RuleCondition['field'];
  /** For `property` and `contactProperty`; for `answer` the question card's id. */
  name: string;
  /** For `page_url`, `language` and `property`. */
  operator: TextOperator;
  /** For `contact`: which of the contact's fields. */
  attribute: ContactAttribute;
  /** For `contact` and `contactProperty`. */
  op: ContactOperator;
  /** `known` / `unknown` for `visitor`. */
  value: string;
}

export interface RuleDraft {
  key: number;
  conditions: ConditionDraft[];
  targetKind: 'user' | 'team';
  userId: number | null;
  teamId: number | null;
}

export interface RangeDraft extends OfficeHoursRange {
  key: number;
}

export interface RoutingDraft extends Omit<ChatflowRouting, 'rules' | 'acceptTimeoutSeconds' | 'inactivityTimeoutMinutes'> {
  rules: RuleDraft[];
  acceptTimeoutSeconds: string;
  inactivityTimeoutMinutes: string;
}

export interface AvailabilityDraft extends Omit<ChatflowAvailability, 'officeHours'> {
  timeZone: string;
  ranges: RangeDraft[];
  holidays: string[];
}

export interface ChatflowDraft {
  routing: RoutingDraft;
  availability: AvailabilityDraft;
}

let lastKey = 0;
/** A key for a new list item in a draft; unique for the life of the page. */
export const newKey = (): number => ++lastKey;

export function newCondition(): ConditionDraft {
  return { key: newKey(), field: 'page_url', name: '', operator: 'contains', attribute: 'organization', op: 'is', value: '' };
}

export function newRule(): RuleDraft {
  return { key: newKey(), conditions: [newCondition()], targetKind: 'user', userId: null, teamId: null };
}

export function draftOf(chatflow: Chatflow): ChatflowDraft {
  const { routing, availability } = chatflow;
  return {
    routing: {
      ...routing,
      skills: [...routing.skills],
      ownerUserIds: [...routing.ownerUserIds],
      acceptTimeoutSeconds: String(routing.acceptTimeoutSeconds),
      inactivityTimeoutMinutes: String(routing.inactivityTimeoutMinutes),
      rules: routing.rules.map(ruleDraft),
    },
    availability: {
      mode: availability.mode,
      typicalReplyTime: availability.typicalReplyTime,
      awayMessage: availability.awayMessage,
      offlineBehavior: availability.offlineBehavior,
      atCapacityBehavior: availability.atCapacityBehavior,
      waitingMessage: availability.waitingMessage,
      timeZone: availability.officeHours.timeZone,
      ranges: availability.officeHours.ranges.map((range) => ({ ...range, key: newKey() })),
      holidays: [...availability.officeHours.holidays].sort(),
    },
  };
}

function ruleDraft(rule: RoutingRule): RuleDraft {
  return {
    key: newKey(),
    conditions: rule.conditions.map(conditionDraft),
    targetKind: rule.target.kind,
    userId: rule.target.kind === 'user' ? rule.target.userId : null,
    teamId: rule.target.kind === 'team' ? rule.target.teamId : null,
  };
}

/** Call only on a draft `chatflowProblems` found nothing wrong with. */
export function toRequest(draft: ChatflowDraft): UpdateChatflowRequest {
  const { routing, availability } = draft;
  const { timeZone, ranges, holidays, ...rest } = availability;
  return {
    routing: {
      ...routing,
      acceptTimeoutSeconds: Number(routing.acceptTimeoutSeconds),
      inactivityTimeoutMinutes: Number(routing.inactivityTimeoutMinutes),
      skills: routing.skills.map((skill) => skill.trim()),
      rules: routing.rules.map((rule) => ({
        conditions: rule.conditions.map(toCondition),
        target: rule.targetKind === 'user' ? { kind: 'user', userId: rule.userId! } : { kind: 'team', teamId: rule.teamId! },
      })),
    },
    availability: {
      ...rest,
      officeHours: { timeZone, ranges: ranges.map(({ day, start, end }) => ({ day, start, end })), holidays },
    },
  };
}

function conditionDraft(condition: RuleCondition): ConditionDraft {
  const draft = { ...newCondition(), field: condition.field, value: condition.value };
  switch (condition.field) {
    case 'page_url':
    case 'language':
      return { ...draft, operator: condition.operator };
    case 'property':
      return { ...draft, name: condition.name, operator: condition.operator };
    case 'visitor':
      return draft;
    case 'contact':
      return { ...draft, attribute: condition.attribute, op: condition.op };
    case 'contactProperty':
      return { ...draft, name: condition.name, op: condition.op };
    case 'answer':
      return { ...draft, name: condition.cardId };
  }
}

export function toCondition(condition: ConditionDraft): RuleCondition {
  const { field, operator, op, attribute } = condition;
  const value = condition.value.trim();
  const name = condition.name.trim();
  switch (field) {
    case 'property':
      return { field, name, operator, value };
    case 'visitor':
      return { field, value: value === 'unknown' ? 'unknown' : 'known' };
    case 'contact':
      return { field, attribute, op, value };
    case 'contactProperty':
      return { field, name, op, value };
    case 'answer':
      return { field, cardId: name, value: condition.value };
    default:
      return { field, operator, value };
  }
}
