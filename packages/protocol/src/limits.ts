/**
 * Limits shared by server and clients, so a client can refuse early with the same numbers the
 * server enforces (the server is still the authority).
 */
export const LIMITS = {
  /** Characters in one chat message. Long enough for a pasted order, short enough to read. */
  messageMaxLength: 5000,
  /** Client message ids are opaque strings chosen by the sender (usually a UUID). */
  clientMessageIdMaxLength: 64,
  /** Characters of the visitor's message shown on a chat offer. */
  offerPreviewMaxLength: 200,
  /** Characters of the last message shown on an inbox list row (I8). */
  listPreviewMaxLength: 120,
  /** Visitor/user display names. */
  nameMaxLength: 120,
  /** URLs, titles and referrers captured as visitor context are cut to this length. */
  contextFieldMaxLength: 2048,
  /** One realtime frame; larger frames close the socket with code 1009. */
  frameMaxBytes: 256 * 1024,
  /** HTTP request bodies. */
  httpBodyMaxBytes: 256 * 1024,
  /** A resume further behind than this many events gets `resync_required` instead of a replay. */
  replayMaxEvents: 2000,
  /** W8 flow: branches nested inside one another (the root branch is level 1). */
  flowMaxDepth: 5,
  /** Cards in one branch, and in the whole flow. */
  flowCardsPerBranch: 20,
  flowMaxCards: 200,
  /** Answer buttons of one question, and the characters of a button's label. */
  flowAnswersPerQuestion: 10,
  flowAnswerLabelMaxLength: 80,
  /** Fields one capture card asks for. */
  flowCaptureFieldsMax: 10,
  /** Characters of a card's text (message, question, capture, online and offline messages). */
  flowTextMaxLength: 2000,
  /** How long a live-chat card waits for a person to pick the chat up. */
  flowWaitSecondsMin: 10,
  flowWaitSecondsMax: 3600,
} as const;
