import type { ChatflowDisplay, DesktopDisplay, MobileDisplay } from '@parley/protocol';
import { RadioChoices, type HintedChoice } from './RadioChoices.js';

const DESKTOP: ReadonlyArray<HintedChoice<DesktopDisplay>> = [
  { value: 'prompt', label: 'Show the welcome message as a prompt', hint: 'A bubble with the welcome message above the launcher.' },
  { value: 'launcher', label: 'Show the launcher only', hint: 'Just the chat button; visitors open the chat themselves.' },
  {
    value: 'promptThenOpen',
    label: 'Show the prompt, then open the chat',
    hint: 'The bubble at once, and the chat opens by itself when a trigger (set on the chatflow) fires.',
  },
];

const MOBILE: ReadonlyArray<HintedChoice<MobileDisplay>> = [
  { value: 'prompt', label: 'Show the welcome message as a prompt', hint: 'A small bubble above the launcher.' },
  { value: 'launcher', label: 'Show the launcher only', hint: 'Nothing covers the page on a small screen.' },
];

/** Step 5: how the widget greets visitors on computers and on phones (W3). */
export function DisplayStep({ value, onChange }: { value: ChatflowDisplay; onChange: (value: ChatflowDisplay) => void }) {
  return (
    <div class="wizard-fields">
      <RadioChoices legend="On desktop" value={value.desktop} choices={DESKTOP} onChange={(desktop) => onChange({ ...value, desktop })} />
      <RadioChoices legend="On mobile" value={value.mobile} choices={MOBILE} onChange={(mobile) => onChange({ ...value, mobile })} />
    </div>
  );
}
