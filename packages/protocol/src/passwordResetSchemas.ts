/** TypeBox schemas of password reset by email (I1); exported from the schemas entry. */
import Type from 'typebox';

/** Any string that could be an address; an unknown or malformed one gets the same 202 as a known one. */
export const PasswordResetRequestSchema = Type.Object({ email: Type.String({ minLength: 1, maxLength: 320 }) }, { additionalProperties: false });

/** The token from the mailed link; the password is checked by the server's password rules (weak_password). */
export const PasswordResetConfirmSchema = Type.Object(
  {
    token: Type.String({ minLength: 1, maxLength: 200 }),
    password: Type.String({ minLength: 1, maxLength: 1024, description: 'at least 10 characters, not a common password' }),
  },
  { additionalProperties: false },
);
