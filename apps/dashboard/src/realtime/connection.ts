/**
 * The inbox's one realtime connection. The session cookie authenticates it, so it starts after
 * sign-in. Every resume (the first and each reconnect) re-reads what a replay cannot repair on its
 * own: counts and pending offers always, and after a resync the lists and the open thread.
 */
import {
  RealtimeClient,
  type AgentCommands,
  type AgentEvents,
  type AgentResumeResult,
  type Signals,
} from '@parley/protocol';
import { loadView, markViewsStale, refreshCounts, scheduleCountsRefresh, upsertConversation } from '../state/conversations.js';
import { applyUserUpdate, inbox } from '../state/inboxStore.js';
import { applyOfferCreated, applyOfferResolved, loadOffers } from '../state/offers.js';
import { addMessages, fetchThread, setVisitorTyping } from '../state/thread.js';
import { applyReadReceipt } from '../state/readReceipts.js';
import { setTicketPropertyDefinitions } from '../state/ticketPropertyDefinitions.js';
import { noticeInboxEvent } from '../alerts/inboxAlerts.js';
import { applyContactSidebarEvent, refreshContactSidebar } from '../state/contactSidebar.js';
import { applyLead } from '../state/leads.js';

export type AgentRealtime = RealtimeClient<AgentCommands, AgentEvents, AgentResumeResult>;

let client: AgentRealtime | null = null;
let resumes = 0;

export function realtime(): AgentRealtime | null {
  return client;
}

export function startRealtime(onSessionLost: () => void): void {
  stopRealtime();
  resumes = 0;
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const started: AgentRealtime = new RealtimeClient<AgentCommands, AgentEvents, AgentResumeResult>({
    url: `${scheme}//${location.host}/realtime`,
    onEvent: (name, data) => applyEvent(name, data),
    onSignal: (name, data) => applySignal(name, data),
    onResumed: () => onResumed(),
    onStateChange: (connection) =>
      inbox.update((state) => ({ ...state, connection, hasConnected: state.hasConnected || connection === 'open' })),
    onUnauthorized: () => onSessionLost(),
  });
  client = started;
  started.connect();
}

export function stopRealtime(): void {
  client?.close();
  client = null;
}

function onResumed(): void {
  resumes++;
  void refreshCounts();
  void loadOffers();
  const { selectedView, thread } = inbox.get();
  if (resumes > 1) {
    // Replay normally covers the gap, but after a resync the client starts from a fresh cursor,
    // so re-read what is on screen and let other views reload when next shown.
    markViewsStale();
  }
  void loadView(selectedView);
  if (thread) void fetchThread(thread.conversationId);
  refreshContactSidebar();
}

function applyEvent<K extends keyof AgentEvents>(name: K, data: AgentEvents[K]): void {
  noticeInboxEvent(name, data);
  applyContactSidebarEvent(name, data);
  switch (name) {
    case 'conversation.created':
    case 'conversation.updated':
    case 'conversation.assigned':
    case 'conversation.closed':
    case 'conversation.properties_changed': {
      upsertConversation((data as AgentEvents['conversation.updated']).conversation);
      scheduleCountsRefresh();
      break;
    }
    case 'message.created': {
      // The server follows each message with conversation.updated, which re-sorts the lists.
      addMessages([(data as AgentEvents['message.created']).message]);
      break;
    }
    case 'user.updated':
      applyUserUpdate((data as AgentEvents['user.updated']).user);
      break;
    case 'offer.created': {
      applyOfferCreated(data as AgentEvents['offer.created']);
      scheduleCountsRefresh();
      break;
    }
    case 'offer.resolved':
      applyOfferResolved((data as AgentEvents['offer.resolved']).offer);
      break;
    case 'conversation.read':
      applyReadReceipt(data as AgentEvents['conversation.read']);
      break;
    case 'ticket_properties.updated':
      setTicketPropertyDefinitions((data as AgentEvents['ticket_properties.updated']).definitions);
      break;
    case 'lead.created':
    case 'lead.updated':
      applyLead((data as AgentEvents['lead.created']).lead);
      break;
  }
}

function applySignal(name: string, data: unknown): void {
  if (name !== 'typing.changed') return;
  const signal = data as Signals['typing.changed'];
  if (signal.author.kind !== 'visitor') return;
  setVisitorTyping(signal.conversationId, signal.typing);
}
