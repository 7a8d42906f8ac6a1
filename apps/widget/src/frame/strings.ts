/**
 * Every visitor-facing string of the chat frame, in one place so that translations (W16) replace
 * a single table instead of hunting through components.
 */
export const STRINGS = {
  documentTitle: 'Chat',
  minimize: 'Minimize chat',
  endChat: 'End chat',
  messages: 'Messages',
  messageLabel: 'Message',
  messagePlaceholder: 'Write a message…',
  send: 'Send',
  sending: 'Sending…',
  retry: 'Retry',
  you: 'You',
  tooLong: (max: number) => `Message is too long (max ${max} characters)`,
  typing: (name: string) => `${name} is typing…`,
  ended: 'This chat has ended.',
  endedInactive: 'This chat ended after a period of inactivity.',
  writeToStartNew: 'Write a message to start a new chat.',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  loading: 'Loading…',
  unavailable: 'Chat is not available right now. Please try again later.',
  endFailed: 'The chat could not be ended. Please try again.',
} as const;
