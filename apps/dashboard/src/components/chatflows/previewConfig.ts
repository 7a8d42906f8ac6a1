/**
 * W19: the widget config the preview shows, built from the unsaved draft, and the message that
 * carries it to the preview page. Pure, so the preview shows exactly what the draft says.
 */
import { flowOpening, loaderStrings } from '@parley/chatflow';
import type { ChatflowLanguage, ChatflowWidgetSettings, FlowBranch, HeadingPerson, PreviewMessage, UserSummary, WidgetConfig } from '@parley/protocol';

export type PreviewDevice = 'desktop' | 'tablet' | 'mobile';

export interface PreviewSource {
  chatflowId: number;
  siteKey: string;
  language: ChatflowLanguage;
  settings: ChatflowWidgetSettings;
  /** The draft's flow of cards (W8): its opening shows before the visitor writes. None: no opening. */
  flow?: FlowBranch;
  /** To show the chosen users' names and pictures in the `users` heading mode. */
  users: readonly UserSummary[];
  /** The config's version; the preview page only needs it to change with each post. */
  now: number;
}

export function previewConfig(source: PreviewSource): WidgetConfig {
  const { settings } = source;
  const branding: HeadingPerson = { name: settings.headingName, avatarUrl: settings.headingAvatarUrl };
  let people: HeadingPerson[] = [branding];
  let title = settings.headingName;
  if (settings.headingMode === 'users') {
    const chosen = settings.headingUserIds
      .map((id) => source.users.find((user) => user.id === id))
      .filter((user): user is UserSummary => user !== undefined)
      .map((user) => ({ name: user.name, avatarUrl: user.avatarUrl }));
    // No users chosen (or none known): the branding, as the server does.
    if (chosen.length > 0) {
      people = chosen;
      title = chosen.map((person) => person.name).join(', ');
    }
  }
  // `owner`: the preview has no visitor, so no contact owner; the server shows the branding then.
  return {
    siteKey: source.siteKey,
    chatflowId: source.chatflowId,
    language: source.language,
    version: source.now,
    accentColor: settings.accentColor,
    welcomeMessage: settings.welcomeMessage,
    heading: { title, people },
    brandAsAgentAlias: settings.brandAsAgentAlias,
    display: structuredClone(settings.display),
    unreadSound: settings.unreadSound,
    unreadTitleFlash: settings.unreadTitleFlash,
    loaderStrings: loaderStrings(source.language),
    // As an anonymous visitor who gave no email meets the chat: the email prompt and the
    // login-only notice show as they would.
    emailCapture: { mode: settings.emailCapture, minutes: settings.emailCaptureMinutes, prompt: settings.emailCapturePrompt, visitorHasEmail: false },
    loginOnly: { mode: settings.loginOnly, visitorIdentified: false },
    // The preview shows the chat as a visitor sees it when someone can answer.
    availability: { state: 'available', hideLauncher: false, message: null, typicalReplyTime: null, returnsAt: null },
    flowOpening: flowOpening(source.flow ?? []),
  };
}

/** Tablets get the desktop behaviour (the widget decides by width: 768 px and up is desktop). */
export function previewMessage(config: WidgetConfig, device: PreviewDevice, open: boolean): PreviewMessage {
  return { parley: 1, type: 'preview:config', data: { config, device: device === 'mobile' ? 'mobile' : 'desktop', open } };
}
