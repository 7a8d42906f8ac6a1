/**
 * What the setup wizard (A1) edits: the first site's first chatflow, held as a draft until
 * Publish so nothing half-done ever reaches the widget. Routing and availability reuse the
 * chatflow settings draft (and its checks) so the wizard and the settings page agree.
 */
import type { AdminSite, Chatflow, ChatflowDisplay, ChatflowWidgetSettings, UpdateChatflowRequest } from '@parley/protocol';
import { draftOf, toRequest, type ChatflowDraft } from '../../state/chatflowDraft.js';
import { originsText } from '../sites/allowedOrigins.js';

export interface WizardDraft {
  accentColor: string;
  headingName: string;
  welcomeMessage: string;
  flow: ChatflowDraft;
  display: ChatflowDisplay;
  /** Allowed origins as typed, one per line. */
  origins: string;
}

export function wizardDraftOf(site: AdminSite, chatflow: Chatflow): WizardDraft {
  const { settings } = chatflow;
  return {
    accentColor: settings.accentColor,
    headingName: settings.headingName,
    welcomeMessage: settings.welcomeMessage,
    flow: draftOf(chatflow),
    display: { ...settings.display, triggers: { ...settings.display.triggers } },
    origins: originsText(site.allowedOrigins),
  };
}

/** The widget settings the wizard sets; the rest of the chatflow's settings stay as they are. */
export function wizardSettings(draft: WizardDraft): Partial<ChatflowWidgetSettings> {
  return {
    accentColor: draft.accentColor.toLowerCase(),
    // The heading mode stays as it is (custom branding on a new chatflow): an admin who chose
    // users or the contact owner on the chatflow page keeps that, with this name as the fallback.
    headingName: draft.headingName.trim(),
    welcomeMessage: draft.welcomeMessage.trim(),
    display: draft.display,
  };
}

/** One PATCH that publishes everything the wizard set; call only on a checked draft. */
export function publishRequest(draft: WizardDraft): UpdateChatflowRequest {
  return { ...toRequest(draft.flow), published: true, settings: wizardSettings(draft) };
}
