import { defaultChatflowTexts, type ChatflowCandidate } from '@parley/chatflow';
import type { AdminSite, Chatflow, ChatflowLanguage, Team, UserSummary } from '@parley/protocol';
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { errorText } from '../../api/request.js';
import { setLeaveGuard } from '../../router.js';
import { TextField } from '../TextField.js';
import { AssignmentSection } from './AssignmentSection.js';
import { AvailabilitySection } from './AvailabilitySection.js';
import { ChatflowPreview } from './ChatflowPreview.js';
import { saveChatflow } from './chatflowsStore.js';
import { DisplaySection } from './DisplaySection.js';
import { UnreadAlertsSection } from './UnreadAlertsSection.js';
import { draftFingerprint, editorDraftOf, toUpdateRequest, type EditorDraft } from './editorDraft.js';
import { editorProblems, problemsAt, TAB_NAMES, type EditorTab } from './editorProblems.js';
import { LanguageSelect } from './LanguageSelect.js';
import { LookSection } from './LookSection.js';
import { previewConfig } from './previewConfig.js';
import { PublishedSwitch } from './PublishedSwitch.js';
import { Tabs, type TabSpec } from './Tabs.js';
import { TargetingQuestion } from './TargetingQuestion.js';
import { TargetingSection } from './TargetingSection.js';
import { TicketDefaultsSection } from './TicketDefaultsSection.js';
import { EmailCaptureSection } from './EmailCaptureSection.js';
import { FlowSection } from './flow/FlowSection.js';
import { offlineOnlyReason } from './flow/offlineOnly.js';
import { LoginOnlySection } from './LoginOnlySection.js';
import { ConsentSection } from './ConsentSection.js';
import { consentInLanguage } from '@parley/chatflow';

interface ChatflowEditorProps {
  chatflow: Chatflow;
  site: AdminSite;
  /** Every chatflow of the site (saved), for the targeting question. */
  siteChatflows: Chatflow[];
  users: UserSummary[];
  teams: Team[];
}

const LEAVE_QUESTION = 'This chatflow has unsaved changes. Leave without saving them?';

/**
 * The chatflow editor (A2): one draft edited in four tabs, checked with the engine's rules and
 * saved with one PATCH; beside it the preview of the draft and the targeting question (W19).
 */
export function ChatflowEditor({ chatflow, site, siteChatflows, users, teams }: ChatflowEditorProps) {
  const [draft, setDraft] = useState<EditorDraft>(() => editorDraftOf(chatflow));
  const [baseline, setBaseline] = useState(() => draftFingerprint(editorDraftOf(chatflow)));
  const [tab, setTab] = useState<EditorTab>('build');
  const [checked, setChecked] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const problemsRef = useRef<HTMLDivElement>(null);

  const dirty = draftFingerprint(draft) !== baseline;
  const problems = useMemo(() => editorProblems(draft), [draft]);
  // Problems show once a save was tried, then follow every change until they are fixed.
  const shown = checked ? problems : [];

  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', beforeUnload);
    setLeaveGuard(() => window.confirm(LEAVE_QUESTION));
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      setLeaveGuard(null);
    };
  }, [dirty]);

  function change(next: Partial<EditorDraft>) {
    setDraft((current) => ({ ...current, ...next }));
    setSaved(false);
    setServerError(null);
  }

  /** New default texts with the language, unless they were written by hand. */
  function changeLanguage(language: ChatflowLanguage) {
    const before = defaultChatflowTexts(draft.language);
    const after = defaultChatflowTexts(language);
    const settings = { ...draft.settings };
    if (settings.welcomeMessage === before.welcomeMessage) settings.welcomeMessage = after.welcomeMessage;
    if (settings.headingName === before.headingName) settings.headingName = after.headingName;
    if (settings.emailCapturePrompt === before.emailCapturePrompt) settings.emailCapturePrompt = after.emailCapturePrompt;
    change({ language, settings, consent: consentInLanguage(draft.consent, draft.language, language) });
  }

  function focusProblems() {
    requestAnimationFrame(() => problemsRef.current?.focus());
  }

  async function save(event: Event) {
    event.preventDefault();
    if (busy) return;
    setChecked(true);
    setSaved(false);
    setServerError(null);
    if (problems.length > 0) {
      if (!problems.some((problem) => problem.tab === tab)) setTab(problems[0].tab);
      return focusProblems();
    }
    setBusy(true);
    try {
      const stored = await saveChatflow(chatflow.id, toUpdateRequest(draft));
      const fresh = editorDraftOf(stored);
      setDraft(fresh);
      setBaseline(draftFingerprint(fresh));
      setChecked(false);
      setSaved(true);
    } catch (caught) {
      setServerError(`Not saved: ${errorText(caught)}`);
      focusProblems();
    } finally {
      setBusy(false);
    }
  }

  const config = useMemo(
    () => previewConfig({ chatflowId: chatflow.id, siteKey: site.siteKey, language: draft.language, settings: draft.settings, flow: draft.flow, users, now: Date.now() }),
    [draft.language, draft.settings, draft.flow, users],
  );
  const candidate: ChatflowCandidate = useMemo(
    () => ({ id: chatflow.id, name: draft.name || chatflow.name, published: draft.published, priority: chatflow.priority, targeting: draft.targeting }),
    [draft.name, draft.published, draft.targeting, chatflow],
  );
  const siteOrigin = site.allowedOrigins[0] ?? location.origin;
  /** A tab of the editor: its name, how many of the shown problems are on it, and its fields. */
  const tabSpec = (which: EditorTab, fields: ComponentChildren): TabSpec<EditorTab> => {
    const count = shown.filter((problem) => problem.tab === which).length;
    return { id: which, label: TAB_NAMES[which], note: count > 0 ? `${count} to fix` : undefined, content: <div class="tab-body">{fields}</div> };
  };
  const { display, ...look } = draft.settings;

  return (
    <div class="chatflow-editor">
      <form class="editor-form" aria-labelledby="chatflow-title" onSubmit={save} noValidate>
        <header class="editor-header">
          <h1 id="chatflow-title" class="pane-title">
            {chatflow.name} <span class="title-note">· {site.name}</span>
          </h1>
          <PublishedSwitch checked={draft.published} onChange={(published) => change({ published })} />
        </header>
        <Tabs
          label="Chatflow settings"
          selected={tab}
          onSelect={setTab}
          tabs={[
            tabSpec(
              'build',
              <>
                <fieldset class="settings-section">
                  <legend>Chatflow</legend>
                  <TextField label="Name" value={draft.name} onInput={(name) => change({ name })} maxLength={100} hint="Only your team sees it." />
                </fieldset>
                <FlowSection
                  flow={draft.flow}
                  onChange={(flow) => change({ flow })}
                  problems={shown}
                  offlineOnly={offlineOnlyReason(site, draft.routing, users, teams)}
                />
                <LookSection value={look} users={users} onChange={(next) => change({ settings: { ...next, display } })} />
                <AssignmentSection routing={draft.routing} users={users} teams={teams} flow={draft.flow} onChange={(routing) => change({ routing })} />
              </>,
            ),
            tabSpec(
              'target',
              <TargetingSection value={draft.targeting} users={users} onChange={(targeting) => change({ targeting })} problemsAt={(path) => problemsAt(shown, path)} />,
            ),
            tabSpec(
              'display',
              <>
                <DisplaySection value={display} onChange={(next) => change({ settings: { ...draft.settings, display: next } })} />
                <UnreadAlertsSection value={draft.settings} onChange={(next) => change({ settings: { ...draft.settings, ...next } })} />
              </>,
            ),
            tabSpec(
              'options',
              <>
                <fieldset class="settings-section">
                  <legend>Language</legend>
                  <LanguageSelect value={draft.language} onChange={changeLanguage} />
                </fieldset>
                <AvailabilitySection value={draft.availability} onChange={(availability) => change({ availability })} />
                <TicketDefaultsSection value={draft.ticketDefaults} onChange={(ticketDefaults) => change({ ticketDefaults })} />
                <EmailCaptureSection value={draft.settings} onChange={(next) => change({ settings: { ...draft.settings, ...next } })} />
                <LoginOnlySection value={draft.settings.loginOnly} onChange={(loginOnly) => change({ settings: { ...draft.settings, loginOnly } })} />
                <ConsentSection value={draft.consent} language={draft.language} onChange={(consent) => change({ consent })} />
              </>,
            ),
          ]}
        />
        <div class="settings-save">
          {(shown.length > 0 || serverError) && (
            <div class="problems" role="alert" tabIndex={-1} ref={problemsRef} aria-labelledby="problems-title">
              <p id="problems-title" class="form-error">
                {serverError ?? (shown.length === 1 ? 'Fix this to save:' : `Fix these ${shown.length} things to save:`)}
              </p>
              {!serverError && (
                <ul>
                  {shown.map((problem) => (
                    <li key={`${problem.tab}:${problem.message}`}>
                      {TAB_NAMES[problem.tab]} tab: {problem.message}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
          <button type="submit" class="button primary" aria-disabled={busy}>
            Save
          </button>
          <p class={saved ? 'form-status' : 'form-status pending'} role="status">
            {busy ? 'Saving…' : saved ? 'Saved.' : dirty ? 'Unsaved changes' : ''}
          </p>
        </div>
      </form>
      <aside class="editor-side" aria-label="Preview and targeting check">
        <ChatflowPreview config={config} siteKey={site.siteKey} />
        <TargetingQuestion draft={candidate} siteChatflows={siteChatflows} siteOrigin={siteOrigin} />
      </aside>
    </div>
  );
}
