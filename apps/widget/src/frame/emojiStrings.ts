/** The emoji picker's words (W12) in the frame's active language, read at render time like t(). */
import type { EmojiPickerStrings } from '@parley/emoji';
import { t } from './i18n';

export function emojiStrings(): EmojiPickerStrings {
  return {
    emoji: t('emoji'),
    search: t('emojiSearch'),
    noResults: t('emojiNone'),
    categories: {
      smileys: t('emojiSmileys'),
      people: t('emojiPeople'),
      nature: t('emojiNature'),
      food: t('emojiFood'),
      activities: t('emojiActivities'),
      travel: t('emojiTravel'),
      objects: t('emojiObjects'),
      symbols: t('emojiSymbols'),
    },
  };
}
