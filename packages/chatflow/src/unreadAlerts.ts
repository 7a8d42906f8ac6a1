/**
 * W17: what a chatflow does on the host page when a message from the team arrives while the chat
 * window is closed. The unread badge and the preview bubble always show; the sound and the
 * flashing page title are settings. A tone out of nowhere startles, so sound starts off; the
 * title only changes in the tab's label, so it starts on.
 */
import type { ChatflowWidgetSettings } from '@parley/protocol';

export type UnreadAlertSettings = Pick<ChatflowWidgetSettings, 'unreadSound' | 'unreadTitleFlash'>;

export const DEFAULT_UNREAD_ALERTS: UnreadAlertSettings = { unreadSound: false, unreadTitleFlash: true };
