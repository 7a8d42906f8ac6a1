/** `conversation.read` (W12 read receipts): how far the sender has read, as a message seq. */
import Type from 'typebox';

export const ReadReceiptSchema = Type.Object(
  {
    conversationId: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
    /** The seq of the newest message shown to the reader; 0 means nothing (a no-op). */
    seq: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }),
  },
  { additionalProperties: false },
);
