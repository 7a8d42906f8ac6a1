import type { LoginOnlyMode } from '@parley/protocol';
import { RadioGroup } from './RadioGroup.js';

interface LoginOnlySectionProps {
  value: LoginOnlyMode;
  onChange: (value: LoginOnlyMode) => void;
}

const CHOICES: ReadonlyArray<{ value: LoginOnlyMode; label: string }> = [
  { value: 'off', label: 'Everyone' },
  { value: 'startIdentifiedOnly', label: 'Everyone sees the chat; only identified visitors can start one' },
  { value: 'hideFromAnonymous', label: 'Only identified visitors see the chat' },
];

/** Login-only mode: who may chat. Identified = signed in on the site and passed on with identify(). */
export function LoginOnlySection({ value, onChange }: LoginOnlySectionProps) {
  return (
    <fieldset class="settings-section">
      <legend>Login-only mode</legend>
      <RadioGroup
        legend="Who can chat"
        hint="Identified visitors are signed in on your site, which calls Parley.identify() with a valid hash (any identify() when the site does not require verification)."
        value={value}
        choices={CHOICES}
        onChange={onChange}
      />
    </fieldset>
  );
}
