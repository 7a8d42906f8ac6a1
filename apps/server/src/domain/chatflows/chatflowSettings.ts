/**
 * A chatflow's widget settings (W2, W3, W4) as stored (JSON text) and as a new chatflow starts.
 */
import { DEFAULT_DISPLAY, DEFAULT_UNREAD_ALERTS, DEFAULT_VISITOR_GATES, defaultChatflowTexts } from '@parley/chatflow';
import type { ChatflowLanguage, ChatflowWidgetSettings } from '@parley/protocol';

/** What a new chatflow in `language` looks like before anyone touches it. */
export function defaultWidgetSettings(language: ChatflowLanguage = 'en'): ChatflowWidgetSettings {
  // The fallback message is routing's, not the widget's.
  const { headingName, welcomeMessage, emailCapturePrompt } = defaultChatflowTexts(language);
  return {
    accentColor: '#2f6fdf',
    headingMode: 'branding',
    headingName,
    welcomeMessage,
    headingAvatarUrl: null,
    headingUserIds: [],
    brandAsAgentAlias: false,
    display: DEFAULT_DISPLAY,
    ...DEFAULT_UNREAD_ALERTS,
    ...DEFAULT_VISITOR_GATES,
    emailCapturePrompt,
  };
}

export const DEFAULT_WIDGET_SETTINGS: ChatflowWidgetSettings = defaultWidgetSettings('en');

/**
 * Reads the stored settings JSON. Fields added by later versions fall back to defaults, so old
 * rows stay readable without a data migration.
 */
export function parseWidgetSettings(json: string): ChatflowWidgetSettings {
  let stored: Partial<ChatflowWidgetSettings> = {};
  try {
    const value: unknown = JSON.parse(json);
    if (value && typeof value === 'object' && !Array.isArray(value)) stored = value as Partial<ChatflowWidgetSettings>;
  } catch {
    stored = {};
  }
  return { ...DEFAULT_WIDGET_SETTINGS, ...stored };
}

/** A create or update: the given fields replace the stored ones one by one (`display` as a whole). */
export function mergeWidgetSettings(stored: ChatflowWidgetSettings, changes: Partial<ChatflowWidgetSettings> | undefined): ChatflowWidgetSettings {
  if (!changes) return stored;
  const merged: ChatflowWidgetSettings = { ...stored };
  for (const [key, value] of Object.entries(changes) as Array<[keyof ChatflowWidgetSettings, unknown]>) {
    if (value !== undefined) (merged as unknown as Record<string, unknown>)[key] = value;
  }
  return merged;
}
