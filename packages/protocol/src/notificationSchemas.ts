/** TypeBox schema of `PUT /api/me/notifications` (I8); exported from the schemas entry. */
import Type from 'typebox';

const strict = { additionalProperties: false } as const;
const Kinds = Type.Object(
  { newConversation: Type.Boolean(), assignedToMe: Type.Boolean(), newMessage: Type.Boolean() },
  strict,
);

/** The whole set every time: a missing choice is a client bug, not "leave it as it was". */
export const NotificationPreferencesSchema = Type.Object(
  {
    browser: Kinds,
    sound: Kinds,
    email: Type.Object({ newConversation: Type.Boolean(), assignedWhileAway: Type.Boolean(), missedChat: Type.Boolean() }, strict),
  },
  strict,
);
