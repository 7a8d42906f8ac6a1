import type { FlowBranch, Team, UserSummary } from '@parley/protocol';
import { hrefFor, onLinkClick } from '../../router.js';
import type { RoutingDraft } from '../../state/chatflowDraft.js';
import { IdSelect } from '../fields/IdSelect.js';
import { NumberField } from '../fields/NumberField.js';
import { SelectField } from '../fields/SelectField.js';
import { TagsInput } from '../fields/TagsInput.js';
import { TextAreaField } from '../fields/TextAreaField.js';
import { UserCheckboxes } from '../fields/UserCheckboxes.js';
import { ASSIGNMENT_MODES } from './labels.js';
import { RulesEditor } from './RulesEditor.js';
import { flowQuestions } from './AnswerConditionFields.js';

interface AssignmentSectionProps {
  routing: RoutingDraft;
  users: UserSummary[];
  teams: Team[];
  /** The chatflow's flow (W8): rules may match the answers to its questions. */
  flow: FlowBranch;
  onChange: (routing: RoutingDraft) => void;
}

const MODE_HINTS: Record<RoutingDraft['mode'], string> = {
  round_robin: 'Chats take turns among every user who is online and under capacity.',
  specific_user: 'Every chat is offered to one user.',
  team: 'Chats take turns among the members of one team.',
  custom_rules: 'Rules pick a user or team by page, language, visitor property or bot answer.',
  skills: 'Only users who have every one of these skills are offered the chat.',
  contact_owner: "Chats go to the owner of the visitor's contact.",
};

/** Who gets a chat and how long they have to take it (R1, R3, R4). */
export function AssignmentSection({ routing, users, teams, flow, onChange }: AssignmentSectionProps) {
  const set = (change: Partial<RoutingDraft>) => onChange({ ...routing, ...change });
  return (
    <fieldset class="settings-section">
      <legend>Who gets chats</legend>
      <SelectField
        label="Assignment mode"
        value={routing.mode}
        choices={ASSIGNMENT_MODES}
        onChange={(mode) => set({ mode })}
        hint={MODE_HINTS[routing.mode]}
      />
      {routing.mode === 'specific_user' && (
        <IdSelect label="User" value={routing.userId} options={users} placeholder="Choose a user…" onChange={(userId) => set({ userId })} />
      )}
      {routing.mode === 'team' && (
        <div class="field">
          <IdSelect label="Team" value={routing.teamId} options={teams} placeholder="Choose a team…" onChange={(teamId) => set({ teamId })} />
          {teams.length === 0 && (
            <p class="field-hint">
              No teams yet:{' '}
              <a href={hrefFor({ name: 'teams' })} onClick={onLinkClick}>
                create one on the Teams page
              </a>
              .
            </p>
          )}
        </div>
      )}
      {routing.mode === 'skills' && (
        <TagsInput label="Required skills" tags={routing.skills} onChange={(skills) => set({ skills })} maxTags={20} />
      )}
      {routing.mode === 'custom_rules' && (
        <RulesEditor rules={routing.rules} users={users} teams={teams} questions={flowQuestions(flow)} onChange={(rules) => set({ rules })} />
      )}
      <div class="field-row">
        <NumberField
          label="Accept timeout (seconds)"
          value={routing.acceptTimeoutSeconds}
          onInput={(acceptTimeoutSeconds) => set({ acceptTimeoutSeconds })}
          min={10}
          max={3600}
          hint="How long an offered user has to accept before the next one is tried."
        />
        <NumberField
          label="Inactivity timeout (minutes)"
          value={routing.inactivityTimeoutMinutes}
          onInput={(inactivityTimeoutMinutes) => set({ inactivityTimeoutMinutes })}
          min={1}
          max={10080}
          hint="With no message from either side for this long, the chat closes as inactive."
        />
      </div>
      <TextAreaField
        label="Fallback message"
        value={routing.fallbackMessage}
        onInput={(fallbackMessage) => set({ fallbackMessage })}
        hint="What the visitor reads when nobody accepted the chat in time. Plain text."
      />
      <UserCheckboxes
        legend="Missed-chat email recipients"
        users={users}
        selected={routing.ownerUserIds}
        onChange={(ownerUserIds) => set({ ownerUserIds })}
        hint="Who is emailed about a chat nobody accepted. None checked: every admin."
      />
    </fieldset>
  );
}
