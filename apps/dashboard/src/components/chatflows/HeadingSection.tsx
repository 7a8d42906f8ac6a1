import type { ChatflowWidgetSettings, UserSummary } from '@parley/protocol';
import { TextField } from '../TextField.js';
import { UserCheckboxes } from '../fields/UserCheckboxes.js';
import { BrandingImageField } from './BrandingImageField.js';
import { HEADING_MODES } from './labels.js';
import { RadioGroup } from './RadioGroup.js';

export type HeadingValue = Pick<ChatflowWidgetSettings, 'headingMode' | 'headingName' | 'headingAvatarUrl' | 'headingUserIds' | 'brandAsAgentAlias'>;

interface HeadingSectionProps {
  value: HeadingValue;
  onChange: (value: HeadingValue) => void;
  /** For the "specific users" choice. */
  users: UserSummary[];
}

/**
 * Who heads the chat (W2): custom branding, specific users or the contact owner. The branding
 * stays editable in every mode, because the other two fall back to it (no owner yet, no users
 * chosen) and the alias option uses it.
 */
export function HeadingSection({ value, onChange, users }: HeadingSectionProps) {
  const set = (change: Partial<HeadingValue>) => onChange({ ...value, ...change });
  return (
    <fieldset class="settings-section">
      <legend>Chat heading</legend>
      <RadioGroup legend="Show in the heading" value={value.headingMode} choices={HEADING_MODES} onChange={(headingMode) => set({ headingMode })} />
      {value.headingMode === 'users' && (
        <UserCheckboxes
          legend="Users in the heading"
          users={users}
          selected={value.headingUserIds}
          onChange={(headingUserIds) => set({ headingUserIds })}
          hint="Their names and pictures head the chat. None chosen: the custom branding."
        />
      )}
      {value.headingMode === 'owner' && (
        <p class="field-hint">Visitors with a contact owner see the owner's name and picture; everyone else sees the custom branding.</p>
      )}
      <TextField
        label="Branding name"
        value={value.headingName}
        onInput={(headingName) => set({ headingName })}
        maxLength={80}
        hint="Your team's or bot's name, e.g. “Support”."
      />
      <BrandingImageField value={value.headingAvatarUrl} onChange={(headingAvatarUrl) => set({ headingAvatarUrl })} />
      <label class="checkbox">
        <input type="checkbox" checked={value.brandAsAgentAlias} onChange={(event) => set({ brandAsAgentAlias: event.currentTarget.checked })} />
        <span>Use the custom branding as an alias for agents</span>
      </label>
      <p class="field-hint">Agents' messages then reach visitors under the branding name and image (transcripts too).</p>
    </fieldset>
  );
}
