/**
 * The emoji picker shared by the chat frame and the inbox. The pure parts are exported here; the
 * UI is `@parley/emoji/button` (a small trigger in each app's main bundle), which loads the
 * picker and this data as a separate chunk the first time it opens.
 */
export { CATEGORY_IDS, type EmojiCategoryId } from './data.js';
export { allSections, filterEmoji, parseCategory, searchWords, type Emoji, type EmojiSection } from './emojiSearch.js';
export { moveInGrid, type GridMove } from './gridNavigation.js';
export { insertText } from './insertText.js';
export type { EmojiPickerStrings } from './strings.js';
