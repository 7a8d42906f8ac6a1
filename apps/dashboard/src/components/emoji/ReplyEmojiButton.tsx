/**
 * The reply box's emoji button (W12): the shared picker (packages/emoji, loaded on first use)
 * with the inbox's English words and each emoji's name as a tooltip.
 */
import type { EmojiPickerStrings } from '@parley/emoji';
import { EmojiButton } from '@parley/emoji/button';
import type { RefObject } from 'preact';
import '../../styles/emoji.css';

const STRINGS: EmojiPickerStrings = {
  emoji: 'Emoji',
  search: 'Search emoji',
  noResults: 'No emoji found',
  categories: {
    smileys: 'Smileys',
    people: 'People',
    nature: 'Animals & nature',
    food: 'Food & drink',
    activities: 'Activities',
    travel: 'Travel & places',
    objects: 'Objects',
    symbols: 'Symbols',
  },
};

export function ReplyEmojiButton(props: { textarea: RefObject<HTMLTextAreaElement>; onInsert(value: string): void }) {
  return <EmojiButton class="emoji-button" strings={STRINGS} showNames {...props} />;
}
