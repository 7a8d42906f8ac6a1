/**
 * W10 in the chatflow's Options: the cookie banner, data processing consent, the communications
 * checkbox (bound to a subscription type) and the privacy policy and terms links. Each text can go
 * back to the default in the chatflow's language; texts take the rich text subset (a policy linked
 * inline).
 */
import { CONSENT_LIMITS, defaultConsentTexts, type ConsentTexts } from '@parley/chatflow';
import type { ChatflowConsent, ChatflowLanguage, CookieConsentTiming, DataProcessingMode, SubscriptionType } from '@parley/protocol';
import { useEffect, useState } from 'preact/hooks';
import { request } from '../../api/request.js';
import { TextField } from '../TextField.js';
import { SelectField } from '../fields/SelectField.js';
import { TextAreaField } from '../fields/TextAreaField.js';
import { RadioGroup } from './RadioGroup.js';
import { RICH_TEXT_HINT } from './flow/MessageCardFields.js';

interface ConsentSectionProps {
  value: ChatflowConsent;
  language: ChatflowLanguage;
  onChange: (value: ChatflowConsent) => void;
}

const MODES: ReadonlyArray<{ value: DataProcessingMode; label: string }> = [
  { value: 'explicit', label: 'Explicit: the visitor clicks "I agree" before the first message' },
  { value: 'legitimateInterest', label: 'Legitimate interest: the text is shown, no click' },
  { value: 'off', label: 'Off' },
];
const TIMINGS: ReadonlyArray<{ value: CookieConsentTiming; label: string }> = [
  { value: 'beforeChat', label: 'Before the chat starts' },
  { value: 'exitIntent', label: 'On exit intent' },
];

/** The workspace's subscription types; none when this user may not list them (not an admin). */
function useSubscriptionTypes(): SubscriptionType[] {
  const [types, setTypes] = useState<SubscriptionType[]>([]);
  useEffect(() => {
    request<{ subscriptionTypes: SubscriptionType[] }>('GET', '/api/admin/subscription-types').then(
      (answer) => setTypes(answer.subscriptionTypes),
      () => setTypes([]),
    );
  }, []);
  return types;
}

function ConsentText({ label, value, onInput, fallback }: { label: string; value: string; onInput: (text: string) => void; fallback: string }) {
  return (
    <div class="consent-text-field">
      <TextAreaField label={label} value={value} onInput={onInput} maxLength={CONSENT_LIMITS.textMaxLength} hint={RICH_TEXT_HINT} />
      <button type="button" class="button small" disabled={value === fallback} aria-label={`Restore default text: ${label}`} onClick={() => onInput(fallback)}>
        Restore default text
      </button>
    </div>
  );
}

export function ConsentSection({ value, language, onChange }: ConsentSectionProps) {
  const types = useSubscriptionTypes();
  const defaults: ConsentTexts = defaultConsentTexts(language);
  const set = (patch: Partial<ChatflowConsent>) => onChange({ ...value, ...patch });
  const typeChoices = [{ value: '', label: 'Choose a subscription type' }, ...types.map((type) => ({ value: String(type.id), label: type.name }))];
  return (
    <fieldset class="settings-section">
      <legend>Consent</legend>
      <label class="checkbox">
        <input type="checkbox" checked={value.cookie.enabled} onChange={(event) => set({ cookie: { ...value.cookie, enabled: event.currentTarget.checked } })} />
        <span>Show a cookie banner (not to identified visitors)</span>
      </label>
      {value.cookie.enabled && (
        <>
          <SelectField label="Show the cookie banner" value={value.cookie.when} choices={TIMINGS} onChange={(when) => set({ cookie: { ...value.cookie, when } })} />
          <ConsentText label="Cookie banner text" value={value.cookie.text} fallback={defaults.cookie} onInput={(text) => set({ cookie: { ...value.cookie, text } })} />
        </>
      )}
      <RadioGroup
        legend="Data processing consent"
        value={value.dataProcessing.mode}
        choices={MODES}
        onChange={(mode) => set({ dataProcessing: { ...value.dataProcessing, mode } })}
      />
      {value.dataProcessing.mode !== 'off' && (
        <ConsentText
          label="Data processing text"
          value={value.dataProcessing.text}
          fallback={defaults.dataProcessing}
          onInput={(text) => set({ dataProcessing: { ...value.dataProcessing, text } })}
        />
      )}
      <label class="checkbox">
        <input
          type="checkbox"
          checked={value.communications.enabled}
          onChange={(event) => set({ communications: { ...value.communications, enabled: event.currentTarget.checked } })}
        />
        <span>Offer a communications consent checkbox</span>
      </label>
      {value.communications.enabled && (
        <>
          <SelectField
            label="Subscription type"
            value={value.communications.subscriptionTypeId === null ? '' : String(value.communications.subscriptionTypeId)}
            choices={typeChoices}
            hint="Admins manage subscription types on the Subscription types page."
            onChange={(id) => set({ communications: { ...value.communications, subscriptionTypeId: id === '' ? null : Number(id) } })}
          />
          <ConsentText
            label="Communications checkbox text"
            value={value.communications.text}
            fallback={defaults.communications}
            onInput={(text) => set({ communications: { ...value.communications, text } })}
          />
        </>
      )}
      <TextField
        label="Privacy policy link"
        value={value.privacyPolicyUrl ?? ''}
        hint="An https:// address, shown before the first message."
        onInput={(url) => set({ privacyPolicyUrl: url.trim() === '' ? null : url.trim() })}
      />
      <TextField label="Terms link" value={value.termsUrl ?? ''} hint="An https:// address, shown before the first message." onInput={(url) => set({ termsUrl: url.trim() === '' ? null : url.trim() })} />
    </fieldset>
  );
}
