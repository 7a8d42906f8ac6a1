/** TypeBox schemas of the macro routes (A6); exported from the schemas entry. */
import Type from 'typebox';
import { MACRO_BODY_MAX_LENGTH, MACRO_SHORTCUT_PATTERN, MACRO_TITLE_MAX_LENGTH, MACRO_VARIABLES } from './macros.js';

const shortcut = Type.String({ pattern: MACRO_SHORTCUT_PATTERN, description: 'lowercase letters, digits, - and _; 1–32 characters' });
// Title and body are trimmed by the server and must not be blank; the bounds here stop huge bodies.
const title = Type.String({ minLength: 1, maxLength: MACRO_TITLE_MAX_LENGTH * 4, description: `1–${MACRO_TITLE_MAX_LENGTH} characters after trimming` });
const body = Type.String({ minLength: 1, maxLength: MACRO_BODY_MAX_LENGTH, description: `1–${MACRO_BODY_MAX_LENGTH} characters; may use ${MACRO_VARIABLES.map((name) => `{{${name}}}`).join(', ')}` });

export const CreateMacroSchema = Type.Object(
  { shortcut, title, body, shared: Type.Optional(Type.Boolean({ description: 'shared with the workspace (admins only); default personal' })) },
  { additionalProperties: false },
);

export const UpdateMacroSchema = Type.Object(
  { shortcut: Type.Optional(shortcut), title: Type.Optional(title), body: Type.Optional(body) },
  { additionalProperties: false, minProperties: 1 },
);
