/** Words for the settings' enum values, shared by the list and the form. */
import type {
  AssignmentMode,
  AtCapacityBehavior,
  AvailabilityMode,
  OfflineBehavior,
  RuleCondition,
  TextOperator,
  TypicalReplyTime,
} from '@parley/protocol';
import type { Choice } from '../fields/SelectField.js';

export const ASSIGNMENT_MODES: ReadonlyArray<Choice<AssignmentMode>> = [
  { value: 'round_robin', label: 'Round robin' },
  { value: 'specific_user', label: 'Specific user' },
  { value: 'team', label: 'Team' },
  { value: 'custom_rules', label: 'Custom rules' },
  { value: 'skills', label: 'Skill-based' },
  { value: 'contact_owner', label: 'Contact owner' },
];

export const AVAILABILITY_MODES: ReadonlyArray<Choice<AvailabilityMode>> = [
  { value: 'users', label: 'Based on user availability' },
  { value: 'office_hours', label: 'Office hours' },
  { value: 'always', label: '24/7' },
];

export const TYPICAL_REPLY_TIMES: ReadonlyArray<Choice<TypicalReplyTime>> = [
  { value: 'none', label: "Don't show" },
  { value: 'minutes', label: 'Typically replies in a few minutes' },
  { value: 'hour', label: 'Typically replies in an hour' },
  { value: 'day', label: 'Typically replies in a day' },
];

export const OFFLINE_BEHAVIORS: ReadonlyArray<Choice<OfflineBehavior>> = [
  { value: 'return_time', label: 'Show when the team is back' },
  { value: 'away_message', label: 'Show the away message' },
  { value: 'hide_launcher', label: 'Hide the launcher' },
  { value: 'nothing', label: 'Do nothing' },
];

export const AT_CAPACITY_BEHAVIORS: ReadonlyArray<Choice<AtCapacityBehavior>> = [
  { value: 'waiting_message', label: 'Show the waiting message' },
  { value: 'hide_launcher', label: 'Hide the launcher' },
  { value: 'nothing', label: 'Do nothing' },
];

export const CONDITION_FIELDS: ReadonlyArray<Choice<RuleCondition['field']>> = [
  { value: 'page_url', label: 'Page URL' },
  { value: 'language', label: 'Language' },
  { value: 'property', label: 'Visitor property' },
];

export const OPERATORS: ReadonlyArray<Choice<TextOperator>> = [
  { value: 'is', label: 'is' },
  { value: 'is_not', label: 'is not' },
  { value: 'contains', label: 'contains' },
  { value: 'starts_with', label: 'starts with' },
  { value: 'ends_with', label: 'ends with' },
];

export function labelOf<T extends string>(choices: ReadonlyArray<Choice<T>>, value: T): string {
  return choices.find((choice) => choice.value === value)?.label ?? value;
}
