import type { ChatflowWidgetSettings } from '@parley/protocol';

/** What a new chatflow looks like before an admin touches it. */
export const DEFAULT_WIDGET_SETTINGS: ChatflowWidgetSettings = {
  accentColor: '#2f6fdf',
  headingName: 'Support team',
  headingAvatarUrl: null,
  welcomeMessage: 'Hi! How can we help you today?',
};

/**
 * Reads the stored settings JSON. Fields added by later versions fall back to defaults, so old
 * rows stay readable without a data migration.
 */
export function parseWidgetSettings(json: string): ChatflowWidgetSettings {
  let stored: Partial<ChatflowWidgetSettings> = {};
  try {
    stored = JSON.parse(json) as Partial<ChatflowWidgetSettings>;
  } catch {
    stored = {};
  }
  return { ...DEFAULT_WIDGET_SETTINGS, ...stored };
}
