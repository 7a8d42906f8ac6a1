/** TypeBox schemas of the profile routes (I1: my own name, password, sessions); exported from the schemas entry. */
import Type from 'typebox';

export const PROFILE_NAME_MAX_LENGTH = 80;

/** The name is trimmed by the server and must then be 1–80 characters; the bound here only stops huge bodies. */
export const UpdateProfileSchema = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: PROFILE_NAME_MAX_LENGTH * 4, description: `1–${PROFILE_NAME_MAX_LENGTH} characters after trimming` }) },
  { additionalProperties: false },
);

/** The new password is checked by the server's password rules (weak_password), so a short one gets that code too. */
export const ChangePasswordSchema = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 1024 }),
    newPassword: Type.String({ minLength: 1, maxLength: 1024, description: 'at least 10 characters, not a common password' }),
  },
  { additionalProperties: false },
);
