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
  endedInactive: 'This chat ended because there was no activity for a while.',
  writeToStartNew: 'Write a message to start a new chat.',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  loading: 'Loading…',
  unavailable: 'Chat is not available right now. Please try again later.',
  endFailed: 'The chat could not be ended. Please try again.',
  // Availability notice above the composer (W7). `when` is a localized day and time.
  repliesInMinutes: 'Typically replies in a few minutes',
  repliesInAnHour: 'Typically replies in an hour',
  repliesInADay: 'Typically replies in a day',
  backAt: (when: string) => `We're back ${when}`,
  queuePosition: (position: number) => `You are number ${position} in line`,
  queueWait: (minutes: number) =>
    minutes === 1 ? 'Estimated wait: about 1 minute' : `Estimated wait: about ${minutes} minutes`,
} as const;
