/**
 * English strings of the chat frame, and the shape every other language must fill (W16): the
 * `Strings` type is derived from this table, so a language that misses or adds a key does not
 * typecheck. `{name}`-style placeholders are filled by `t()` in ./index.ts; every translation
 * keeps the same placeholders (test/i18n.test.ts checks it). Each language is its own module, so
 * the build emits one chunk per language and the frame downloads only the one it shows.
 */
const en = {
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
  tooLong: 'Message is too long (max {max} characters)',
  typing: '{name} is typing…',
  ended: 'This chat has ended.',
  endedInactive: 'This chat ended because there was no activity for a while.',
  writeToStartNew: 'Write a message to start a new chat.',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  loading: 'Loading…',
  unavailable: 'Chat is not available right now. Please try again later.',
  endFailed: 'The chat could not be ended. Please try again.',
  sendFailed: 'The message could not be sent.',
  rateLimited: 'You are sending messages too quickly. Please wait a moment.',
  serverError: 'Something went wrong on our side. Please try again.',
  // Availability notice above the composer (W7). `{when}` is a localized day and time.
  repliesInMinutes: 'Typically replies in a few minutes',
  repliesInAnHour: 'Typically replies in an hour',
  repliesInADay: 'Typically replies in a day',
  backAt: "We're back {when}",
  queuePosition: 'You are number {position} in line',
  // `{duration}` is a localized number of minutes with its unit ("5 minutes"), plural included.
  queueWait: 'Estimated wait: about {duration}',
  // W19: the admin's preview of an unsaved chatflow; what the visitor writes stays in the page.
  previewNote: 'Preview: messages are not sent.',
  // System lines about the conversation (W16): who joined or closed it, how it ended.
  joined: '{name} joined the chat',
  agentClosed: '{name} closed the chat',
  visitorEnded: 'You ended the chat',
  inactive: 'The chat ended after a period of inactivity',
  // Read receipt under the visitor's last message the team has read (W12).
  seen: 'Seen',
  // W13: the step before ending; the confirm button reuses endChat.
  endConfirm: 'End this chat?',
  cancel: 'Cancel',
  // W12: sending files; the button's accessible name is attachFile.
  attachFile: 'Attach file',
  uploading: 'Uploading…',
  fileTooLarge: 'The file is too large.',
  fileTypeNotAllowed: 'This type of file cannot be sent.',
  fileEmpty: 'The file is empty.',
  // W12: the emoji picker in the message box (its button, search box and category names).
  emoji: 'Emoji',
  emojiSearch: 'Search emoji',
  emojiNone: 'No emoji found',
  emojiSmileys: 'Smileys',
  emojiPeople: 'People',
  emojiNature: 'Animals & nature',
  emojiFood: 'Food & drink',
  emojiActivities: 'Activities',
  emojiTravel: 'Travel & places',
  emojiObjects: 'Objects',
  emojiSymbols: 'Symbols',
  // W9: the email prompt (its field's accessible name is emailLabel) and login-only mode.
  emailLabel: 'Email',
  emailSubmit: 'Save',
  emailInvalid: 'Enter a valid email address, like name@example.com.',
  emailSaved: 'Thanks! We have your email.',
  emailFailed: 'Your email could not be saved. Please try again.',
  emailRequired: 'Please leave your email before your first message.',
  signInToChat: 'Please sign in to chat with us.',
  consentAgree: 'I agree',
  cookieNotice: 'Cookie notice',
  cookieAccept: 'Accept',
  cookieDecline: 'Decline',
  privacyPolicy: 'Privacy policy',
  terms: 'Terms',
  consentRequired: 'Agree to the processing of your data before the first message.',
  // W8: a running flow's answer buttons and capture form (its fields are named by the engine's
  // captureFieldLabel, which the server's line for a filled card uses too).
  flowAnswers: 'Answers',
  flowDetails: 'Your details',
  flowSubmit: 'Send',
  flowRequired: 'Please fill in {field}.',
  flowFailed: 'Your answer could not be sent. Please try again.',
  flowLeadCreated: 'Lead created',
};

export type StringKey = keyof typeof en;
export type Strings = Record<StringKey, string>;

export default en satisfies Strings;
