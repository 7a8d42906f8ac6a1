import type { UnreadAlertSettings } from '@parley/chatflow';

interface UnreadAlertsSectionProps {
  value: UnreadAlertSettings;
  onChange: (value: UnreadAlertSettings) => void;
}

/** W17: what a new message from the team does on the visitor's page while the chat is closed. */
export function UnreadAlertsSection({ value, onChange }: UnreadAlertsSectionProps) {
  return (
    <fieldset class="settings-section">
      <legend>New messages while the chat is closed</legend>
      <p class="field-hint">The launcher shows how many messages are unread, and a bubble above it shows the newest one.</p>
      <label class="checkbox">
        <input type="checkbox" checked={value.unreadSound} onChange={(event) => onChange({ ...value, unreadSound: event.currentTarget.checked })} />
        <span>Play a short sound</span>
      </label>
      <label class="checkbox">
        <input
          type="checkbox"
          checked={value.unreadTitleFlash}
          onChange={(event) => onChange({ ...value, unreadTitleFlash: event.currentTarget.checked })}
        />
        <span>Flash the page title until the visitor comes back to the tab or opens the chat</span>
      </label>
    </fieldset>
  );
}
