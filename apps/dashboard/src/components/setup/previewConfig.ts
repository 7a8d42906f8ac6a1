/**
 * The widget config the preview frame draws, from the wizard's unsaved draft. Availability is
 * shown as "available" (the preview is about the look, not who is online now).
 */
import type { AdminSite, Chatflow, LoaderStrings, WidgetConfig } from '@parley/protocol';
import type { WizardDraft } from './wizardDraft.js';

// The admin preview is read in the inbox's language; the widget's own strings come from the
// chatflow's language inside the frame.
const PREVIEW_LOADER_STRINGS: LoaderStrings = {
  openChat: 'Open chat',
  closeChat: 'Close chat',
  dismissPrompt: 'Dismiss',
  unread: '{count} unread messages',
};

export function previewConfig(site: AdminSite, chatflow: Chatflow, draft: WizardDraft): WidgetConfig {
  return {
    siteKey: site.siteKey,
    chatflowId: chatflow.id,
    language: chatflow.language,
    version: chatflow.updatedAt,
    accentColor: draft.accentColor,
    welcomeMessage: draft.welcomeMessage,
    heading: { title: draft.headingName, people: [{ name: draft.headingName, avatarUrl: chatflow.settings.headingAvatarUrl }] },
    brandAsAgentAlias: chatflow.settings.brandAsAgentAlias,
    display: draft.display,
    loaderStrings: PREVIEW_LOADER_STRINGS,
    availability: { state: 'available', hideLauncher: false, message: null, typicalReplyTime: null, returnsAt: null },
  };
}
