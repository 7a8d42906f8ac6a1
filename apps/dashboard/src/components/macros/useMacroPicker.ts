/**
 * The reply box's `/shortcut` list (A6), as a hook so the composer only wires it in: it follows
 * the text and caret, loads the macros the first time a slash is typed, and answers the keys it
 * owns (arrows, Enter and Tab to insert, Escape to close) while the list is open. Focus stays in
 * the textarea; the highlighted option is announced through aria-activedescendant.
 */
import type { Macro } from '@parley/protocol';
import { useId, useMemo, useState, type MutableRef } from 'preact/hooks';
import { expandMacro } from '../../macros/expandMacro.js';
import { macroContact } from '../../macros/macroContact.js';
import { loadMacros } from '../../macros/macroApi.js';
import { findMacroTrigger, insertMacro, matchMacros, type MacroTrigger } from '../../macros/macroTrigger.js';
import { contactSidebar } from '../../state/contactSidebar.js';
import { inbox } from '../../state/inboxStore.js';
import { useStore } from '../../state/store.js';

export interface MacroPickerState {
  listId: string;
  optionId: (index: number) => string;
  open: boolean;
  query: string;
  matches: Macro[];
  active: number;
  loading: boolean;
  problem: string | null;
  pick: (macro: Macro) => void;
}

export function useMacroPicker(conversationId: number, textarea: MutableRef<HTMLTextAreaElement | null>, setText: (value: string) => void) {
  const listId = useId();
  const visitor = useStore(inbox, (state) => state.conversations.get(conversationId)?.visitor);
  const agentName = useStore(inbox, (state) => state.session?.user.name ?? '');
  // The contact the sidebar already read for this chat (it is always mounted beside the thread),
  // kept current by its live events; until it has answered, the visitor's own details stand in.
  const contact = useStore(contactSidebar, (state) => (state.conversationId === conversationId ? (state.data?.contact ?? null) : null));
  const [trigger, setTrigger] = useState<MacroTrigger | null>(null);
  const [macros, setMacros] = useState<Macro[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [active, setActive] = useState(0);

  const matches = useMemo(() => (trigger && macros ? matchMacros(macros, trigger.query) : []), [trigger, macros]);
  const open = trigger !== null;

  /** Called after every input and caret move: opens, filters or closes the list. */
  function follow(text: string, caret: number) {
    const next = findMacroTrigger(text, caret);
    setTrigger(next);
    setActive(0);
    if (next && macros === null) {
      loadMacros().then(
        (loaded) => {
          setMacros(loaded);
          setProblem(null);
        },
        () => setProblem('Could not load macros.'),
      );
    }
  }

  function pick(macro: Macro) {
    const box = textarea.current;
    if (!box || !trigger) return;
    const people = { contact: macroContact(visitor, contact), agent: { name: agentName } };
    const result = insertMacro(box.value, trigger, expandMacro(macro.body, people));
    setTrigger(null);
    setText(result.text);
    // The value is rendered on the next frame; the caret goes right after the inserted text.
    requestAnimationFrame(() => {
      box.focus();
      box.setSelectionRange(result.caret, result.caret);
    });
  }

  /** True when the key was the list's, so the composer must not also act on it (e.g. send). */
  function onKeyDown(event: KeyboardEvent): boolean {
    if (!open || event.isComposing) return false;
    if (event.key === 'Escape') {
      event.preventDefault();
      setTrigger(null);
      return true;
    }
    if (matches.length === 0) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + matches.length) % matches.length);
      return true;
    }
    if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') {
      event.preventDefault();
      pick(matches[Math.min(active, matches.length - 1)]!);
      return true;
    }
    return false;
  }

  const optionId = (index: number) => `${listId}-option-${index}`;
  const listShown = open && matches.length > 0;
  // A reference to a list that is not rendered would be an invalid value (axe), so only while shown.
  const textareaProps = {
    'aria-autocomplete': 'list' as const,
    'aria-controls': listShown ? listId : undefined,
    'aria-activedescendant': listShown ? optionId(Math.min(active, matches.length - 1)) : undefined,
  };
  const state: MacroPickerState = { listId, optionId, open, query: trigger?.query ?? '', matches, active: Math.min(active, Math.max(matches.length - 1, 0)), loading: macros === null, problem, pick };
  return { state, textareaProps, follow, onKeyDown };
}
