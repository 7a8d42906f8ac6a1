/**
 * I9: the inbox search box. Asks the server after a short pause in typing, shows conversations
 * and contacts under the box, and is used from the keyboard: arrow down into the results, arrow
 * keys between them, Enter opens, Escape back to the box (and again to clear it).
 */
import type { SearchResponse } from '@parley/protocol';
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '../../api/request.js';
import { SearchResults } from './SearchResults.js';
import { SEARCH_MAX_LENGTH, searchInbox } from './searchRequest.js';
import '../../styles/search.css';

const DEBOUNCE_MS = 250;
const RESULTS_ID = 'search-results';

type State = { kind: 'idle' } | { kind: 'searching' } | { kind: 'done'; results: SearchResponse } | { kind: 'error'; message: string };

export function SearchBox() {
  const [query, setQuery] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  /** Only the answer to the newest query is shown, whatever order answers arrive in. */
  const latest = useRef(0);

  useEffect(() => {
    const text = query.trim();
    const ticket = ++latest.current;
    if (!text) {
      setState({ kind: 'idle' });
      return;
    }
    setState((current) => (current.kind === 'done' ? current : { kind: 'searching' }));
    const timer = setTimeout(() => {
      searchInbox(text).then(
        (results) => ticket === latest.current && setState({ kind: 'done', results }),
        (error: unknown) => ticket === latest.current && setState({ kind: 'error', message: errorText(error) }),
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query]);

  const links = () => [...(panel.current?.querySelectorAll<HTMLAnchorElement>('a.search-hit') ?? [])];

  const onInputKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      const first = links()[0];
      if (first) {
        event.preventDefault();
        first.focus();
      }
    } else if (event.key === 'Escape') {
      if (open && query) setOpen(false);
      else setQuery('');
    }
  };

  const onResultsKey = (event: KeyboardEvent) => {
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = event.key === 'ArrowDown' ? at + 1 : at - 1;
      if (next < 0) input.current?.focus();
      else all[Math.min(next, all.length - 1)]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      input.current?.focus();
    }
  };

  const results = state.kind === 'done' ? state.results : null;
  const count = results ? results.conversations.length + results.contacts.length : 0;
  const status =
    state.kind === 'searching'
      ? 'Searching…'
      : state.kind === 'error'
        ? `Search failed: ${state.message}`
        : results
          ? count === 0
            ? 'No matching conversations or contacts.'
            : `${plural(results.conversations.length, 'conversation')}, ${plural(results.contacts.length, 'contact')}`
          : '';
  const showPanel = open && query.trim() !== '' && state.kind !== 'idle';

  return (
    <div
      class="search"
      role="search"
      onFocusIn={() => setOpen(true)}
      onFocusOut={(event) => {
        // Closing when focus leaves the box and its results, not when it moves between them.
        const next = event.relatedTarget as Node | null;
        if (!next || !event.currentTarget.contains(next)) setOpen(false);
      }}
    >
      <input
        ref={input}
        type="search"
        class="search-input"
        aria-label="Search"
        placeholder="Search messages and contacts"
        autocomplete="off"
        maxLength={SEARCH_MAX_LENGTH}
        value={query}
        // Only while the list exists: a reference to a missing element is an invalid ARIA value.
        aria-controls={showPanel && results && count > 0 ? RESULTS_ID : undefined}
        aria-describedby="search-status"
        onInput={(event) => {
          setQuery(event.currentTarget.value);
          setOpen(true);
        }}
        onKeyDown={onInputKey}
      />
      {/* Pressing on a result keeps focus in the box until the click lands (Safari does not focus links). */}
      <div class={showPanel ? 'search-panel' : 'search-panel hidden'} ref={panel} onMouseDown={(event) => event.preventDefault()}>
        <p id="search-status" class="search-status" role="status">
          {showPanel ? status : ''}
        </p>
        {showPanel && results && count > 0 && <SearchResults id={RESULTS_ID} results={results} onPick={() => setOpen(false)} onKeyDown={onResultsKey} />}
      </div>
    </div>
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
