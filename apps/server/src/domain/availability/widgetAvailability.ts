/**
 * W7: what a chatflow's widget shows right now. The state comes from the chatflow's mode (user
 * availability, office hours or 24/7) and the users its routing can reach; the behaviours turn
 * the state into what the visitor sees. Resolved here, so every widget shows the same thing.
 */
import type { ChatflowAvailability, ChatflowRouting, WidgetAvailability, WidgetAvailabilityState } from '@parley/protocol';
import type { Kysely } from 'kysely';
import type { ChatflowRow, Database } from '../../storage/schema.js';
import { hasCapacity, isReachable, loadCandidates, type Candidate } from '../routing/candidates.js';
import { normalizeSkill } from '../routing/routingPool.js';
import { parseAvailability, parseRouting } from '../routing/routingSettings.js';
import { isOpenAt, nextOpening } from './officeHours.js';

export async function widgetAvailability(db: Kysely<Database>, chatflow: ChatflowRow, now: number): Promise<WidgetAvailability> {
  const settings = parseAvailability(chatflow.availability);
  const routing = parseRouting(chatflow.routing);
  if (settings.mode === 'office_hours' && !isOpenAt(settings.officeHours, now)) {
    return present(settings, 'offline', now);
  }
  const reachable = await reachableUsers(db, chatflow.workspace_id, routing, now);
  const online = reachable.filter(isReachable);
  let state: WidgetAvailabilityState;
  if (online.some(hasCapacity)) state = 'available';
  else if (online.length > 0) state = 'at_capacity';
  // 24/7: chats are always taken (they wait in Unassigned); only a full team shows as such.
  else state = settings.mode === 'always' ? 'available' : 'away';
  return present(settings, state, now);
}

export function present(settings: ChatflowAvailability, state: WidgetAvailabilityState, now: number): WidgetAvailability {
  const base: WidgetAvailability = { state, hideLauncher: false, message: null, typicalReplyTime: null, returnsAt: null };
  switch (state) {
    case 'available':
      return { ...base, typicalReplyTime: settings.typicalReplyTime === 'none' ? null : settings.typicalReplyTime };
    case 'away':
      return { ...base, message: settings.awayMessage || null };
    case 'offline':
      switch (settings.offlineBehavior) {
        case 'return_time':
          return { ...base, returnsAt: nextOpening(settings.officeHours, now), message: settings.awayMessage || null };
        case 'away_message':
          return { ...base, message: settings.awayMessage || null };
        case 'hide_launcher':
          return { ...base, hideLauncher: true };
        case 'nothing':
          return base;
      }
      return base;
    case 'at_capacity':
      switch (settings.atCapacityBehavior) {
        case 'waiting_message':
          return { ...base, message: settings.waitingMessage || null };
        case 'hide_launcher':
          return { ...base, hideLauncher: true };
        case 'nothing':
          return base;
      }
  }
}

/** Every user the chatflow's routing could offer a chat to (for custom rules: any rule's target). */
async function reachableUsers(db: Kysely<Database>, workspaceId: number, routing: ChatflowRouting, now: number): Promise<Candidate[]> {
  const everyone = await loadCandidates(db, workspaceId, now);
  const teamIds = routing.mode === 'team' ? [routing.teamId] : routing.mode === 'custom_rules' ? routing.rules.map((r) => (r.target.kind === 'team' ? r.target.teamId : null)) : [];
  const wantedTeams = teamIds.filter((id): id is number => id !== null);
  const teamMembers =
    wantedTeams.length === 0
      ? new Set<number>()
      : new Set((await db.selectFrom('team_members').select('user_id').where('team_id', 'in', wantedTeams).execute()).map((r) => r.user_id));
  switch (routing.mode) {
    case 'round_robin':
    case 'contact_owner':
      return everyone;
    case 'specific_user':
      return everyone.filter((c) => c.id === routing.userId);
    case 'team':
      return everyone.filter((c) => teamMembers.has(c.id));
    case 'skills': {
      const required = routing.skills.map(normalizeSkill);
      return everyone.filter((c) => required.every((s) => c.skills.map(normalizeSkill).includes(s)));
    }
    case 'custom_rules': {
      const users = new Set(routing.rules.flatMap((r) => (r.target.kind === 'user' ? [r.target.userId] : [])));
      return everyone.filter((c) => users.has(c.id) || teamMembers.has(c.id));
    }
  }
}
