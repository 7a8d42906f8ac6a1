/** Words for the settings' enum values, shared by the list and the form. */
import type {
  AssignmentMode,
  AtCapacityBehavior,
  AvailabilityMode,
  ChatflowLanguage,
  DesktopDisplay,
  Device,
  HeadingMode,
  MobileDisplay,
  OfflineBehavior,
  RuleCondition,
  TargetingRule,
  TextOperator,
  TypicalReplyTime,
  UrlOperator,
  VisitorKind,
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
  { value: 'visitor', label: 'Visitor is known or unknown' },
  { value: 'contact', label: 'Contact field' },
  { value: 'contactProperty', label: 'Contact property' },
  { value: 'answer', label: 'Bot answer' },
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

// ---------------------------------------------------------------- chatflows (A2, W2–W6, W16)

/** Each language by its own name, as the people who read the widget in it would look for it. */
export const LANGUAGES: ReadonlyArray<Choice<ChatflowLanguage>> = [
  { value: 'en', label: 'English' },
  { value: 'fi', label: 'Suomi' },
  { value: 'sv', label: 'Svenska' },
  { value: 'it', label: 'Italiano' },
  { value: 'pl', label: 'Polski' },
  { value: 'de', label: 'Deutsch' },
  { value: 'fr', label: 'Français' },
  { value: 'es', label: 'Español' },
];

export const TARGETING_FIELDS: ReadonlyArray<Choice<TargetingRule['field']>> = [
  { value: 'url', label: 'Website URL' },
  { value: 'query', label: 'Query parameter' },
  { value: 'device', label: 'Device' },
  { value: 'visitor', label: 'Visitor' },
  { value: 'contact', label: 'Contact field' },
  { value: 'contactProperty', label: 'Contact property' },
];

export const URL_OPERATOR_LABELS: ReadonlyArray<Choice<UrlOperator>> = [
  { value: 'is', label: 'is' },
  { value: 'isNot', label: 'is not' },
  { value: 'contains', label: 'contains' },
  { value: 'startsWith', label: 'starts with' },
  { value: 'endsWith', label: 'ends with' },
  { value: 'wildcard', label: 'matches wildcard' },
];

export const DEVICES: ReadonlyArray<Choice<Device>> = [
  { value: 'desktop', label: 'Desktop' },
  { value: 'mobile', label: 'Mobile' },
];

export const VISITOR_KINDS: ReadonlyArray<Choice<VisitorKind>> = [
  { value: 'known', label: 'Known contact' },
  { value: 'unknown', label: 'Unknown visitor' },
];

export const DESKTOP_DISPLAYS: ReadonlyArray<Choice<DesktopDisplay>> = [
  { value: 'prompt', label: 'Show the welcome message as a prompt above the launcher' },
  { value: 'launcher', label: 'Show the launcher only' },
  { value: 'promptThenOpen', label: 'Show the prompt, then open the chat when a trigger fires' },
];

export const MOBILE_DISPLAYS: ReadonlyArray<Choice<MobileDisplay>> = [
  { value: 'prompt', label: 'Show the welcome message as a prompt above the launcher' },
  { value: 'launcher', label: 'Show the launcher only' },
];

export const HEADING_MODES: ReadonlyArray<Choice<HeadingMode>> = [
  { value: 'branding', label: 'Custom branding (a name and an image)' },
  { value: 'users', label: 'Specific users' },
  { value: 'owner', label: "The visitor's contact owner" },
];
