/**
 * W8 "offline mode only": when a chatflow's live chat cannot run, every visitor gets the live-chat
 * card's offline message and branch. Two reasons the editor can see: the widget has never loaded
 * on the chatflow's site, or the routing (as drafted) leaves nobody who could be offered a chat.
 */
import type { AdminSite, Team, UserSummary } from '@parley/protocol';
import type { RoutingDraft } from '../../../state/chatflowDraft.js';

/** Why the live chat cannot run, in a sentence; null when it can. */
export function offlineOnlyReason(site: AdminSite, routing: RoutingDraft, users: readonly UserSummary[], teams: readonly Team[]): string | null {
  if (site.widgetSeenAt === null) {
    return `The widget is not installed on ${site.name} yet (it has never loaded there), so no one can chat with visitors.`;
  }
  if (!someoneAssigned(routing, users, teams)) return 'No one can be offered these chats: the routing in "Who gets chats" names no active user.';
  return null;
}

function someoneAssigned(routing: RoutingDraft, users: readonly UserSummary[], teams: readonly Team[]): boolean {
  const active = users.filter((user) => user.active && !user.deleted);
  // Before the users have loaded, nothing is known: say nothing rather than something wrong.
  if (users.length === 0) return true;
  const isActive = (id: number | null) => active.some((user) => user.id === id);
  const teamHasSomeone = (id: number | null) => teams.some((team) => team.id === id && team.memberIds.some(isActive));
  switch (routing.mode) {
    case 'specific_user':
      return isActive(routing.userId);
    case 'team':
      return teamHasSomeone(routing.teamId);
    case 'skills': {
      const wanted = routing.skills.map((skill) => skill.toLowerCase());
      return active.some((user) => wanted.every((skill) => user.skills.some((has) => has.toLowerCase() === skill)));
    }
    case 'custom_rules':
      return routing.rules.some((rule) => (rule.targetKind === 'user' ? isActive(rule.userId) : teamHasSomeone(rule.teamId)));
    case 'round_robin':
    case 'contact_owner':
      return active.length > 0;
  }
}
