import type { MessageCard } from '@parley/protocol';
import { LIMITS } from '@parley/protocol';
import { TextAreaField } from '../../fields/TextAreaField.js';

/** The Markdown subset business messages may use (`@parley/richtext`), in one line. */
export const RICH_TEXT_HINT = 'Formatting: **bold**, *italic*, [link text](https://…), lines starting with "- " or "1. " for lists, ![description](https://…) for an image. Anything else shows as typed.';

export function MessageCardFields({ card, onChange }: { card: MessageCard; onChange: (card: MessageCard) => void }) {
  return <TextAreaField label="Message" value={card.text} maxLength={LIMITS.flowTextMaxLength} rows={4} hint={RICH_TEXT_HINT} onInput={(text) => onChange({ ...card, text })} />;
}
