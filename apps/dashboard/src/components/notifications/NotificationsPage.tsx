/**
 * I8, my notifications: per kind, a browser notification and a sound in the inbox; below, which
 * emails I get while I am away or have no inbox open. Saved as a whole with one button, and the
 * browser's own permission (which Parley cannot change) is shown with a way to ask for it.
 */
import {
  NOTIFICATION_KINDS,
  type EmailNotificationKind,
  type NotificationKind,
  type NotificationPreferences,
} from '@parley/protocol';
import { useEffect, useState } from 'preact/hooks';
import { notificationPermission, notificationPermissionState, requestNotificationPermission } from '../../alerts/desktopNotifications.js';
import { loadNotificationPrefs, notificationPrefs, saveNotificationPrefs } from '../../alerts/notificationPrefs.js';
import { ApiError } from '../../api/request.js';
import { useStore } from '../../state/store.js';
import { ProblemsAlert } from '../ProblemsAlert.js';
import '../../styles/notifications.css';

const KIND_LABELS: Record<NotificationKind, string> = {
  newConversation: 'New conversation in Unassigned',
  assignedToMe: 'Conversation assigned to you',
  newMessage: 'New visitor message in a conversation assigned to you',
};

/** Sent only while I am away or have no inbox open. */
const AWAY_EMAIL_LABELS: Record<Exclude<EmailNotificationKind, 'missedChat'>, string> = {
  newConversation: 'Every new conversation',
  assignedWhileAway: 'A conversation assigned to you',
};

function Checkbox({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label class="notify-check">
      <input type="checkbox" checked={checked} onChange={(event) => onChange((event.currentTarget as HTMLInputElement).checked)} />
      <span>{label}</span>
    </label>
  );
}

function BrowserPermission() {
  const permission = useStore(notificationPermissionState, (state) => state);
  // The person may have changed it in the browser's settings since the page loaded.
  useEffect(() => void notificationPermission(), []);
  if (permission === 'granted') return <p class="field-hint">Browser notifications are allowed in this browser.</p>;
  if (permission === 'unsupported') return <p class="field-hint">This browser cannot show notifications; sounds still play.</p>;
  if (permission === 'denied') {
    return <p class="field-hint">This browser blocks notifications from Parley. Allow them in the browser's site settings to get them.</p>;
  }
  return (
    <div class="form-actions">
      <p class="field-hint">This browser has not been allowed to show notifications yet.</p>
      <button type="button" class="button small" onClick={() => void requestNotificationPermission()}>
        Enable notifications
      </button>
    </div>
  );
}

export function NotificationsPage() {
  const stored = useStore(notificationPrefs, (state) => state);
  const [draft, setDraft] = useState<NotificationPreferences>(stored);
  const [dirty, setDirty] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => void loadNotificationPrefs(), []);
  // What another tab saved, or the load above, shows until I change something here.
  useEffect(() => {
    if (!dirty) setDraft(stored);
  }, [stored]);

  function change(next: NotificationPreferences) {
    setDraft(next);
    setDirty(true);
    setStatus('');
  }

  function setInbox(group: 'browser' | 'sound', kind: NotificationKind, checked: boolean) {
    change({ ...draft, [group]: { ...draft[group], [kind]: checked } });
  }

  function setEmail(kind: EmailNotificationKind, checked: boolean) {
    change({ ...draft, email: { ...draft.email, [kind]: checked } });
  }

  async function save(event: Event) {
    event.preventDefault();
    setBusy(true);
    setStatus('');
    try {
      setDraft(await saveNotificationPrefs(draft));
      setDirty(false);
      setProblems([]);
      setStatus('Notification settings saved.');
    } catch (error) {
      setProblems([error instanceof ApiError ? (error.detail ?? error.message) : 'Something went wrong. Try again.']);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="page notifications-page">
      <h1 class="pane-title">Notifications</h1>
      <form class="settings-form" onSubmit={save} aria-label="Notification settings">
        <section class="settings-form profile-section" aria-labelledby="notify-inbox-heading">
          <h2 id="notify-inbox-heading">In the inbox</h2>
          <BrowserPermission />
          {NOTIFICATION_KINDS.map((kind) => (
            <fieldset key={kind} class="notify-kind">
              <legend>{KIND_LABELS[kind]}</legend>
              <Checkbox label="Browser notification" checked={draft.browser[kind]} onChange={(checked) => setInbox('browser', kind, checked)} />
              <Checkbox label="Sound" checked={draft.sound[kind]} onChange={(checked) => setInbox('sound', kind, checked)} />
            </fieldset>
          ))}
          <p class="field-hint">Nothing alerts for the conversation you are reading, and only one of your inbox tabs plays the sound.</p>
        </section>
        <section class="settings-form profile-section" aria-labelledby="notify-email-heading">
          <h2 id="notify-email-heading">Email</h2>
          <fieldset class="notify-kind">
            <legend>Email me while I am away or have no inbox open</legend>
            {(Object.keys(AWAY_EMAIL_LABELS) as Array<keyof typeof AWAY_EMAIL_LABELS>).map((kind) => (
              <Checkbox key={kind} label={AWAY_EMAIL_LABELS[kind]} checked={draft.email[kind]} onChange={(checked) => setEmail(kind, checked)} />
            ))}
          </fieldset>
          <Checkbox label="Missed chats (nobody accepted them in time)" checked={draft.email.missedChat} onChange={(checked) => setEmail('missedChat', checked)} />
          <p class="field-hint">Missed-chat emails go to a chatflow's owners, or to the admins when it has none.</p>
        </section>
        <ProblemsAlert problems={problems} />
        <div class="form-actions">
          <button type="submit" class="button primary" disabled={busy}>
            Save notification settings
          </button>
          <p class="form-status" role="status">
            {status}
          </p>
        </div>
      </form>
    </div>
  );
}
