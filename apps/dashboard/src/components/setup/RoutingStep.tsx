import type { AssignmentMode, Team, UserSummary } from '@parley/protocol';
import type { RoutingDraft } from '../../state/chatflowDraft.js';
import { labelOf, ASSIGNMENT_MODES } from '../chatflows/labels.js';
import { IdSelect } from '../fields/IdSelect.js';
import { RadioChoices, type HintedChoice } from './RadioChoices.js';

interface RoutingStepProps {
  value: RoutingDraft;
  users: UserSummary[];
  teams: Team[];
  onChange: (value: RoutingDraft) => void;
}

const SIMPLE_MODES: ReadonlyArray<HintedChoice<AssignmentMode>> = [
  { value: 'round_robin', label: 'Everyone, taking turns', hint: 'Chats go round among every user who is online.' },
  { value: 'specific_user', label: 'One person', hint: 'Every chat is offered to the user you choose.' },
  { value: 'team', label: 'A team', hint: 'Chats go round among the members of one team.' },
];

/**
 * Step 3: who gets chats — the three simple modes. A chatflow already set to another mode (rules,
 * skills, owner) keeps it unless the admin picks one of these; the settings page has the rest.
 */
export function RoutingStep({ value, users, teams, onChange }: RoutingStepProps) {
  const simple = SIMPLE_MODES.some((choice) => choice.value === value.mode);
  const choices = simple
    ? SIMPLE_MODES
    : [...SIMPLE_MODES, { value: value.mode, label: `Keep the current setting (${labelOf(ASSIGNMENT_MODES, value.mode)})` }];
  const activeUsers = users.filter((user) => user.active);
  return (
    <div class="wizard-fields">
      <RadioChoices legend="Who gets chats" value={value.mode} choices={choices} onChange={(mode) => onChange({ ...value, mode })} />
      {value.mode === 'specific_user' && (
        <IdSelect label="User" value={value.userId} options={activeUsers} placeholder="Choose a user…" onChange={(userId) => onChange({ ...value, userId })} />
      )}
      {value.mode === 'team' && (
        <IdSelect
          label="Team"
          value={value.teamId}
          options={teams}
          placeholder="Choose a team…"
          onChange={(teamId) => onChange({ ...value, teamId })}
          hint={teams.length === 0 ? 'No teams yet: create one on the Teams page after setup, or choose another option.' : undefined}
        />
      )}
    </div>
  );
}

export function routingProblems(value: RoutingDraft): string[] {
  if (value.mode === 'specific_user' && value.userId === null) return ['Choose the user who gets the chats.'];
  if (value.mode === 'team' && value.teamId === null) return ['Choose the team that gets the chats.'];
  return [];
}
