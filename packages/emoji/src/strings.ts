import type { EmojiCategoryId } from './data.js';

/** The picker's words, given by each app: the chat frame in the chatflow's language, the inbox in English. */
export interface EmojiPickerStrings {
  /** The button's and the popover's accessible name. */
  emoji: string;
  search: string;
  noResults: string;
  categories: Record<EmojiCategoryId, string>;
}
