/**
 * What a new password must be (issue 8): at least MIN_PASSWORD_LENGTH characters and not one of
 * the ~49,000 most common passwords (the list that zxcvbn-ts ships, from real breach corpora).
 * Checked wherever a password is set: creating a user, accepting an invitation, and the first
 * admin's PARLEY_ADMIN_PASSWORD. Sign-in does not check it, so older accounts still get in.
 */
import { dictionary } from '@zxcvbn-ts/language-common';
import { DomainError } from '../errors.js';

export const MIN_PASSWORD_LENGTH = 10;

let common: Set<string> | null = null;

/** Built on first use: the list takes ~30 ms to unpack, and only password changes need it. */
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common;
}

/** Why the password is refused, in words for the person choosing it, or null when it is fine. */
export function passwordProblem(password: string): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `a password needs at least ${MIN_PASSWORD_LENGTH} characters`;
  const lower = password.toLowerCase();
  // "Password2024!" is "password" with the usual suffix; guessers try those first.
  const stem = lower.replace(/[^\p{L}]+$/u, '');
  const list = commonPasswords();
  if (list.has(lower) || (stem.length >= 4 && list.has(stem)) || /^(.)\1*$/u.test(password)) {
    return 'this password is one of the most common ones; choose another';
  }
  return null;
}

export function assertAcceptablePassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem) throw new DomainError('weak_password', problem);
}
