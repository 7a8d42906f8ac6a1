/** TypeBox schema of the snooze route (I3); exported from the schemas entry. */
import Type from 'typebox';

/** How far ahead a conversation may be snoozed. */
export const SNOOZE_MAX_MS = 366 * 24 * 60 * 60 * 1000;

/**
 * `until` must be a number here; whether it lies in the future and within a year depends on the
 * server's clock, so the server checks that (invalid_snooze_time).
 */
export const SnoozeBodySchema = Type.Object(
  { until: Type.Number({ description: 'epoch milliseconds, in the future and at most a year ahead' }) },
  { additionalProperties: false },
);
