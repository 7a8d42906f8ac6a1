/**
 * The workspace's custom ticket properties (issue 12), loaded once when something first needs
 * them (the thread header, the chatflow editor) and replaced when an admin saves the
 * "Ticket properties" page. A failed load is tried again by the next component that asks.
 */
import type { TicketPropertyDefinition } from '@parley/protocol';
import { useEffect } from 'preact/hooks';
import { ticketPropertyApi } from '../api/ticketPropertyEndpoints.js';
import { createStore, useStore } from './store.js';

interface DefinitionsState {
  definitions: TicketPropertyDefinition[] | null;
}

const definitionsStore = createStore<DefinitionsState>({ definitions: null });
let loading: Promise<void> | null = null;

export function loadTicketPropertyDefinitions(): Promise<void> {
  loading ??= ticketPropertyApi.definitions().then(
    ({ definitions }) => setTicketPropertyDefinitions(definitions),
    () => {
      loading = null;
    },
  );
  return loading;
}

export function setTicketPropertyDefinitions(definitions: TicketPropertyDefinition[]): void {
  definitionsStore.update(() => ({ definitions }));
}

/** The definitions, or null until they have loaded. */
export function useTicketPropertyDefinitions(): TicketPropertyDefinition[] | null {
  const definitions = useStore(definitionsStore, (state) => state.definitions);
  useEffect(() => {
    if (definitions === null) void loadTicketPropertyDefinitions();
  }, [definitions]);
  return definitions;
}
