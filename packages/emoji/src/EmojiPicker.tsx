/**
 * The popover of the emoji picker (loaded on demand by EmojiButton): a search box over a grid of
 * emoji grouped by category. Focus starts in the search box; Down arrow enters the grid, where
 * the arrow keys, Home and End move (one cell is in the tab order at a time) and Enter or Space
 * picks. Enter in the search box picks the first match. Escape closes and returns focus to the
 * button; clicking or tabbing elsewhere just closes. Opened by touch, the popover itself takes
 * focus instead, so no on-screen keyboard covers the grid until the search box is tapped.
 */
import type { JSX, RefObject } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { allSections, filterEmoji } from './emojiSearch.js';
import { moveInGrid } from './gridNavigation.js';
import type { EmojiPickerStrings } from './strings.js';
import './emojiPicker.css';

/** Cells per row; the stylesheet lays the grid out with the same number. */
export const EMOJI_COLUMNS = 8;

export interface EmojiPickerProps {
  id: string;
  strings: EmojiPickerStrings;
  showNames: boolean;
  /** Focus the search box on opening; otherwise the popover itself (opened by touch: no on-screen keyboard). */
  focusSearch: boolean;
  /** The button that opened the picker: using it again toggles rather than counting as "outside". */
  trigger: RefObject<HTMLButtonElement>;
  onPick(emoji: string): void;
  /** `returnFocus`: Escape was pressed, so focus goes back to the button. */
  onClose(returnFocus: boolean): void;
}

export function EmojiPicker({ id, strings, showNames, focusSearch, trigger, onPick, onClose }: EmojiPickerProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const sections = useMemo(() => filterEmoji(allSections(), query), [query]);
  const sizes = sections.map((section) => section.emoji.length);
  const flat = sections.flatMap((section) => section.emoji);

  useEffect(() => (focusSearch ? search.current : root.current)?.focus(), []);

  // A press anywhere outside the picker and its button closes it, leaving focus where it went.
  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!root.current?.contains(target) && !trigger.current?.contains(target)) onClose(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [onClose, trigger]);

  const focusCell = (index: number) => {
    setActive(index);
    root.current?.querySelector<HTMLButtonElement>(`[data-index="${index}"]`)?.focus();
  };

  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      // Handled here, so the chat frame's own Escape (minimize) leaves the window open.
      event.preventDefault();
      event.stopPropagation();
      onClose(true);
      return;
    }
    const inSearch = event.target === search.current;
    if (inSearch) {
      if (event.key === 'ArrowDown' && flat.length > 0) {
        event.preventDefault();
        focusCell(Math.min(active, flat.length - 1));
      } else if (event.key === 'Enter') {
        // Never the enclosing form's submit: Enter here means "this one", not "send".
        event.preventDefault();
        if (flat[0]) onPick(flat[0].char);
      }
      return;
    }
    const from = Number((event.target as HTMLElement).dataset.index);
    if (Number.isNaN(from)) return;
    const move = moveInGrid(sizes, EMOJI_COLUMNS, from, event.key);
    if (move === null) return;
    event.preventDefault();
    if (move === 'above') search.current?.focus();
    else focusCell(move);
  };

  const onFocusOut = (event: JSX.TargetedFocusEvent<HTMLDivElement>) => {
    const next = event.relatedTarget as Node | null;
    // Null: focus went nowhere (a click on the picker's background); that is not leaving.
    if (next && !root.current?.contains(next) && !trigger.current?.contains(next)) onClose(false);
  };

  let index = 0;
  return (
    <div ref={root} id={id} class="emoji-picker" role="dialog" aria-label={strings.emoji} tabIndex={-1} onKeyDown={onKeyDown} onFocusOut={onFocusOut}>
      <input
        ref={search}
        type="search"
        class="emoji-search"
        aria-label={strings.search}
        placeholder={strings.search}
        autocomplete="off"
        value={query}
        onInput={(event) => {
          setQuery(event.currentTarget.value);
          setActive(0);
        }}
      />
      <div class="emoji-scroll">
        {sections.map((section) => {
          const labelId = `${id}-${section.category}`;
          return (
            <div key={section.category} role="group" aria-labelledby={labelId}>
              <div id={labelId} class="emoji-category">
                {strings.categories[section.category]}
              </div>
              <div class="emoji-grid">
                {section.emoji.map((emoji) => {
                  const at = index++;
                  return (
                    <button
                      key={emoji.char}
                      type="button"
                      class="emoji-cell"
                      data-index={at}
                      tabIndex={at === active ? 0 : -1}
                      title={showNames ? emoji.name : undefined}
                      onClick={() => onPick(emoji.char)}
                      onFocus={() => setActive(at)}
                    >
                      {emoji.char}
                    </button>
                  );
                })}
              </div>
            </div>
          );
        })}
        <p class="emoji-none" role="status">
          {flat.length === 0 ? strings.noResults : ''}
        </p>
      </div>
    </div>
  );
}
