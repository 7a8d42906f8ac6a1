/**
 * W10 in the frame: the consent part of the config, read like the rest of it (a page could
 * imitate a config over the bridge: texts only ever render as text, links must be https), and
 * recording an answer. The server stores the chatflow's own text, never one the frame sends.
 */
import { COOKIE_CONSENT_TIMINGS, DATA_PROCESSING_MODES, type ConsentKind, type WidgetConsent } from '@parley/protocol';
import { failure } from '../api';

type Raw = Record<string, unknown>;
const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);
const part = (value: unknown): Raw => (isObject(value) ? value : {});
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const oneOf = <T extends string>(values: readonly T[], value: unknown, fallback: T): T => (values.includes(value as T) ? (value as T) : fallback);

export function readHttpsUrl(value: unknown): string | null {
  return typeof value === 'string' && /^https:\/\/[^\s/]/i.test(value) ? value : null;
}

export function readConsent(value: unknown): WidgetConsent | undefined {
  if (!isObject(value)) return undefined;
  const cookie = part(value.cookie);
  const data = part(value.dataProcessing);
  const comms = part(value.communications);
  return {
    cookie: { enabled: cookie.enabled === true, when: oneOf(COOKIE_CONSENT_TIMINGS, cookie.when, 'beforeChat'), text: text(cookie.text) },
    // Unknown reads as explicit: the server refuses the start anyway, so ask rather than fail.
    dataProcessing: { mode: oneOf(DATA_PROCESSING_MODES, data.mode, 'explicit'), text: text(data.text) },
    communications: {
      enabled: comms.enabled === true,
      text: text(comms.text),
      subscriptionTypeId: typeof comms.subscriptionTypeId === 'number' ? comms.subscriptionTypeId : null,
    },
    privacyPolicyUrl: readHttpsUrl(value.privacyPolicyUrl),
    termsUrl: readHttpsUrl(value.termsUrl),
    cookieApplies: value.cookieApplies === true,
    dataProcessingGranted: value.dataProcessingGranted === true,
  };
}

/** POST /api/widget/consents. */
export async function postConsent(visitorToken: string, chatflowId: number, kind: ConsentKind, granted: boolean): Promise<void> {
  const response = await fetch('/api/widget/consents', {
    method: 'POST',
    headers: { authorization: `Bearer ${visitorToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ chatflowId, kind, granted }),
  });
  if (!response.ok) throw await failure(response);
}

/** `{ consent }` for the config, or nothing when the answer has none (an older server, the preview). */
export function consentField(value: unknown): { consent?: WidgetConsent } {
  const consent = readConsent(value);
  return consent ? { consent } : {};
}
