import type { AdminSite, Chatflow } from '@parley/protocol';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { errorText } from '../../api/request.js';
import { siteApi } from '../../api/siteEndpoints.js';
import { chatflowProblems } from '../../state/chatflowProblems.js';
import { inbox } from '../../state/inboxStore.js';
import { useStore } from '../../state/store.js';
import { AvailabilitySection } from '../chatflows/AvailabilitySection.js';
import { ChatflowPreview } from '../chatflows/ChatflowPreview.js';
import { DisplaySection } from '../chatflows/DisplaySection.js';
import { previewConfig } from '../chatflows/previewConfig.js';
import { ProblemsAlert } from '../ProblemsAlert.js';
import { parseAllowedOrigins } from '../sites/allowedOrigins.js';
import { displayProblems } from './displayProblems.js';
import { DoneStep } from './DoneStep.js';
import { sameOrigins } from './loadWizardTarget.js';
import { LookStep, lookProblems } from './LookStep.js';
import { PublishStep } from './PublishStep.js';
import { RoutingStep, routingProblems } from './RoutingStep.js';
import { completeSetup } from './setupCompletion.js';
import { WelcomeStep, welcomeProblems } from './WelcomeStep.js';
import { WIZARD_STEPS } from './wizardSteps.js';
import { publishRequest, wizardDraftOf, wizardSettings, type WizardDraft } from './wizardDraft.js';

const DONE = WIZARD_STEPS.length;

/**
 * The steps over one draft of the chatflow. Nothing is saved until Publish, which sends the
 * site's origins (if changed), then the whole chatflow with `published: true` in one PATCH, then
 * marks setup done: the live widget never sees half a setup.
 */
export function WizardFlow({ site: initialSite, chatflow }: { site: AdminSite; chatflow: Chatflow }) {
  const users = useStore(inbox, (state) => state.users);
  const teams = useStore(inbox, (state) => state.teams);
  const [site, setSite] = useState(initialSite);
  const [draft, setDraft] = useState<WizardDraft>(() => wizardDraftOf(initialSite, chatflow));
  const [step, setStep] = useState(0);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  const config = useMemo(
    () =>
      previewConfig({
        chatflowId: chatflow.id,
        siteKey: site.siteKey,
        language: chatflow.language,
        settings: { ...chatflow.settings, ...wizardSettings(draft) },
        flow: chatflow.flow,
        users,
        now: Date.now(),
      }),
    [site, chatflow, draft, users],
  );

  // Each step announces itself: focus moves to its heading (not on the first render, which
  // keeps the page's natural start for screen readers).
  useEffect(() => {
    if (firstRender.current) firstRender.current = false;
    else heading.current?.focus();
  }, [step]);

  const change = (next: Partial<WizardDraft>) => {
    setDraft((current) => ({ ...current, ...next }));
    setProblems([]);
  };

  function stepProblems(): string[] {
    switch (WIZARD_STEPS[step]?.key) {
      case 'look':
        return lookProblems(draft);
      case 'welcome':
        return welcomeProblems(draft.welcomeMessage);
      case 'routing':
        return routingProblems(draft.flow.routing);
      case 'availability':
        return chatflowProblems(draft.flow);
      case 'display':
        return displayProblems(draft.display);
      case 'publish':
        return parseAllowedOrigins(draft.origins).problems;
      default:
        return [];
    }
  }

  async function next(event: Event) {
    event.preventDefault();
    if (busy) return;
    const found = stepProblems();
    setProblems(found);
    if (found.length > 0) return;
    if (step === DONE - 1) await publish();
    else setStep(step + 1);
  }

  async function publish() {
    setBusy(true);
    try {
      const { origins } = parseAllowedOrigins(draft.origins);
      let saved = site;
      if (!sameOrigins(origins, site.allowedOrigins)) saved = (await siteApi.updateSite(site.id, { allowedOrigins: origins })).site;
      setSite(saved);
      await siteApi.updateChatflow(chatflow.id, publishRequest(draft));
    } catch (caught) {
      setProblems([`Not published: ${errorText(caught)}`]);
      setBusy(false);
      return;
    }
    try {
      await completeSetup();
      setStep(DONE);
    } catch (caught) {
      // The chat is live; only the "setup done" mark is missing, and Publish again redoes both.
      setProblems([`Published, but setup could not be marked as done: ${errorText(caught)} Try Publish again.`]);
    } finally {
      setBusy(false);
    }
  }

  const title = step === DONE ? 'Install the chat on your website' : WIZARD_STEPS[step].title;
  return (
    <form class="wizard-body" onSubmit={(event) => void next(event)} noValidate>
      {step < DONE ? (
        <div class="wizard-progress">
          <p>
            Step {step + 1} of {DONE}
          </p>
          <progress value={step + 1} max={DONE} aria-label="Setup progress" />
        </div>
      ) : (
        <p class="wizard-progress">Published</p>
      )}
      <h1 id="wizard-step-title" class="pane-title" tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {step === 0 && <LookStep value={draft} onChange={(look) => change(look)} />}
      {step === 1 && <WelcomeStep value={draft.welcomeMessage} onChange={(welcomeMessage) => change({ welcomeMessage })} />}
      {step === 2 && (
        <RoutingStep
          value={draft.flow.routing}
          users={users}
          teams={teams}
          onChange={(routing) => change({ flow: { ...draft.flow, routing } })}
        />
      )}
      {step === 3 && (
        <AvailabilitySection value={draft.flow.availability} onChange={(availability) => change({ flow: { ...draft.flow, availability } })} />
      )}
      {step === 4 && <DisplaySection value={draft.display} onChange={(display) => change({ display })} />}
      {step === 5 && <ChatflowPreview config={config} siteKey={site.siteKey} />}
      {step === 6 && <PublishStep siteName={site.name} value={draft.origins} onChange={(origins) => change({ origins })} />}
      {step === DONE && <DoneStep site={site} />}
      <ProblemsAlert problems={problems} />
      {step < DONE && (
        <div class="wizard-nav">
          {step > 0 && (
            <button type="button" class="button" onClick={() => (setProblems([]), setStep(step - 1))}>
              Back
            </button>
          )}
          <button type="submit" class="button primary" aria-disabled={busy}>
            {step === DONE - 1 ? 'Publish' : 'Next'}
          </button>
        </div>
      )}
    </form>
  );
}
