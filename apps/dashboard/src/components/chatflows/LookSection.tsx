import type { ChatflowWidgetSettings, UserSummary } from '@parley/protocol';
import { TextAreaField } from '../fields/TextAreaField.js';
import { AccentColorField } from './AccentColorField.js';
import { HeadingSection } from './HeadingSection.js';

export type LookValue = Omit<ChatflowWidgetSettings, 'display'>;

interface LookSectionProps {
  value: LookValue;
  onChange: (value: LookValue) => void;
  users: UserSummary[];
}

/** The widget's look (W2, W3): heading, welcome message and accent colour. */
export function LookSection({ value, onChange, users }: LookSectionProps) {
  return (
    <>
      <HeadingSection value={value} onChange={(heading) => onChange({ ...value, ...heading })} users={users} />
      <fieldset class="settings-section">
        <legend>Welcome and colour</legend>
        <TextAreaField
          label="Welcome message"
          value={value.welcomeMessage}
          onInput={(welcomeMessage) => onChange({ ...value, welcomeMessage })}
          maxLength={1000}
          hint="The first message visitors see when they open the chat, and the prompt above the launcher. Plain text."
        />
        <AccentColorField value={value.accentColor} onChange={(accentColor) => onChange({ ...value, accentColor })} />
      </fieldset>
    </>
  );
}
