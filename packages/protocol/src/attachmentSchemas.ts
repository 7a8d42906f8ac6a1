/** TypeBox schemas of the upload routes (W12, I6); exported from the schemas entry. */
import Type from 'typebox';
import { LIMITS } from './limits.js';

const Id = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
const ClientMessageId = Type.String({ minLength: 1, maxLength: LIMITS.clientMessageIdMaxLength });
/** The name as the sender's device knows it; the server cleans it (path, control characters, length). */
const FileName = Type.String({ minLength: 1, maxLength: 1000, description: "the file's name; cleaned by the server" });

/** `POST /api/widget/attachments?name=…&clientMessageId=…`: the raw bytes are the body. */
export const WidgetAttachmentQuerySchema = Type.Object({
  name: FileName,
  clientMessageId: ClientMessageId,
  chatflowId: Type.Optional(Id),
});

/** `POST /api/conversations/:id/attachments?name=…&clientMessageId=…[&internal=true]`. */
export const AgentAttachmentQuerySchema = Type.Object({
  name: FileName,
  clientMessageId: ClientMessageId,
  internal: Type.Optional(Type.Boolean({ description: 'a file in an internal note: users only, never the visitor' })),
});

export const AttachmentKeyParams = Type.Object({ key: Type.String({ minLength: 1, maxLength: 64 }) });
