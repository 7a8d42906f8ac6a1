/**
 * The chatflow editor works on one draft of everything it edits (A2): name, published, language,
 * look, display, targeting (protocol shapes, checked by `@parley/chatflow`) and the routing and
 * availability drafts of the existing settings form (numbers kept as typed). The preview reads
 * the same draft, so it shows what would be saved.
 */
import type { Chatflow, ChatflowLanguage, ChatflowTargeting, ChatflowTicketDefaults, ChatflowWidgetSettings, FlowBranch, UpdateChatflowRequest } from '@parley/protocol';
import { draftOf, toRequest, type AvailabilityDraft, type RoutingDraft } from '../../state/chatflowDraft.js';
import type { ChatflowConsent } from '@parley/protocol';

export interface EditorDraft {
  name: string;
  published: boolean;
  language: ChatflowLanguage;
  settings: ChatflowWidgetSettings;
  targeting: ChatflowTargeting;
  routing: RoutingDraft;
  availability: AvailabilityDraft;
  /** What new conversations' ticket properties start as (issue 12). */
  ticketDefaults: ChatflowTicketDefaults;
  /** W10, edited in the Options tab. */
  consent: ChatflowConsent;
  /** W8: the cards, edited in the Build tab (flow/). */
  flow: FlowBranch;
}

export function editorDraftOf(chatflow: Chatflow): EditorDraft {
  const { routing, availability } = draftOf(chatflow);
  return {
    name: chatflow.name,
    published: chatflow.published,
    language: chatflow.language,
    // Deep copies: the draft is edited immutably, but a shared nested array would still tie it
    // to the saved chatflow the "unsaved changes" check compares with.
    settings: structuredClone(chatflow.settings),
    targeting: structuredClone(chatflow.targeting),
    routing,
    availability,
    ticketDefaults: structuredClone(chatflow.ticketDefaults),
    consent: structuredClone(chatflow.consent),
    flow: structuredClone(chatflow.flow),
  };
}

/** The PATCH body; call only on a draft `editorProblems` found nothing wrong with. */
export function toUpdateRequest(draft: EditorDraft): UpdateChatflowRequest {
  return {
    name: draft.name.trim(),
    published: draft.published,
    language: draft.language,
    settings: { ...draft.settings, headingName: draft.settings.headingName.trim() },
    targeting: draft.targeting,
    ticketDefaults: { ...draft.ticketDefaults, category: draft.ticketDefaults.category?.trim() || null },
    consent: draft.consent,
    flow: draft.flow,
    ...toRequest({ routing: draft.routing, availability: draft.availability }),
  };
}

/** Same content, whatever the local list keys: what the "unsaved changes" check compares. */
export function draftFingerprint(draft: EditorDraft): string {
  return JSON.stringify(draft, (key, value: unknown) => (key === 'key' ? undefined : value));
}
