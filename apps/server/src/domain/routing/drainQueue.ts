/**
 * The routing loop (R1–R3, queue). Every conversation waiting for a user — new, queued, or back
 * from a declined or expired offer — is taken in arrival order per pool and either offered to
 * the next eligible user in round-robin order, kept in the queue (everyone it could go to is at
 * capacity), or given the fallback message (nobody it could go to is left). Runs under the
 * workspace routing lock, so capacity is counted once for all concurrent arrivals.
 */
import type { ChatflowRouting } from '@parley/protocol';
import type { UnitOfWork } from '../../events/unitOfWork.js';
import { isVisitorInfoCriterion, type CriteriaSubject } from '@parley/chatflow';
import { loadContactFacts } from '../contacts/contactFacts.js';
import { parseContext } from '../visitors/visitorContext.js';
import { parseAnswers } from '../flows/runFlow.js';
import { hasCapacity, isReachable, loadCandidates } from './candidates.js';
import { fallBack } from './fallback.js';
import { createOffers, type Placement } from './offerRecords.js';
import { scheduleQueuePositions } from './queuePositions.js';
import { parseRouting } from './routingSettings.js';
import { resolvePool, type WorkspaceDirectory } from './routingPool.js';
import { RoundRobin } from './roundRobin.js';
import type { StorageDriver } from '../../storage/drivers/driver.js';

interface Waiting {
  id: number;
  chatflow_id: number;
  routing_state: string;
  context: string;
  owner_id: number | null;
  team_id: number | null;
  contact_id: number | null;
  flow_answers: string;
}

/** Routes every waiting conversation of the workspace (or of one chatflow). */
export async function drainQueue(uow: UnitOfWork, driver: StorageDriver, workspaceId: number, chatflowId?: number): Promise<void> {
  await driver.lockRouting(uow.trx, workspaceId);
  let query = uow.trx
    .selectFrom('conversations')
    .innerJoin('visitors', 'visitors.id', 'conversations.visitor_id')
    .select([
      'conversations.id',
      'conversations.chatflow_id',
      'conversations.routing_state',
      'visitors.context',
      'visitors.owner_id',
      'conversations.team_id',
      'conversations.flow_answers',
      'visitors.contact_id',
    ])
    .where('conversations.workspace_id', '=', workspaceId)
    .where('conversations.status', '=', 'open')
    .where('conversations.routing_state', 'in', ['routing', 'queued'])
    // Snoozed chats are not routed; waking schedules a drain (snooze.ts).
    .where('conversations.snoozed_until', 'is', null)
    .orderBy('conversations.id');
  if (chatflowId !== undefined) query = query.where('conversations.chatflow_id', '=', chatflowId);
  const waiting: Waiting[] = await query.execute();
  if (waiting.length === 0) return;

  const directory = await loadDirectory(uow, workspaceId);
  const routings = await loadRoutings(uow, [...new Set(waiting.map((w) => w.chatflow_id))]);
  const tried = await triedUsers(uow, waiting.map((w) => w.id));
  const criteria = await loadCriteria(uow, waiting, routings);
  const roundRobin = new RoundRobin(uow.trx);
  const blocked = new Set<string>();
  const stillQueued = new Map<number, Waiting[]>();
  const placements: Placement[] = [];
  const joinsTeam = new Map<number, number[]>();

  for (const conversation of waiting) {
    const routing = routings.get(conversation.chatflow_id)!;
    const pool = resolvePool(
      routing,
      {
        chatflowId: conversation.chatflow_id,
        context: parseContext(conversation.context),
        ownerId: conversation.owner_id,
        teamId: conversation.team_id === null ? null : Number(conversation.team_id),
        criteria: criteria(conversation),
        answers: parseAnswers(conversation.flow_answers),
      },
      directory,
    );
    // Routed by a team (team mode or a custom rule's team): from now on it is that team's chat.
    if (pool?.teamId !== undefined && conversation.team_id === null) joinsTeam.set(pool.teamId, [...(joinsTeam.get(pool.teamId) ?? []), conversation.id]);
    if (pool === null) {
      await fallBack(uow, conversation.id, routing);
      continue;
    }
    const untried = pool.members.filter((c) => isReachable(c) && !tried.get(conversation.id)?.has(c.id));
    if (!blocked.has(pool.scope)) {
      const eligible = untried.filter(hasCapacity);
      if (eligible.length > 0) {
        const chosen = await roundRobin.next(pool.scope, eligible);
        placements.push({ conversationId: conversation.id, userId: chosen.id, routing });
        chosen.load++;
        continue;
      }
    }
    if (untried.length === 0) {
      await fallBack(uow, conversation.id, routing);
      continue;
    }
    // Everyone this chat could go to is busy: it waits, and so does everyone behind it (FIFO).
    blocked.add(pool.scope);
    const line = stillQueued.get(conversation.chatflow_id) ?? [];
    line.push(conversation);
    stillQueued.set(conversation.chatflow_id, line);
  }
  // Before the offers, so the summaries they announce carry the team.
  for (const [teamId, ids] of joinsTeam) await uow.trx.updateTable('conversations').set({ team_id: teamId }).where('id', 'in', ids).execute();
  await createOffers(uow, workspaceId, placements);
  await roundRobin.save();
  for (const line of stillQueued.values()) {
    const newcomers = line.filter((c) => c.routing_state === 'routing').map((c) => c.id);
    if (newcomers.length > 0) {
      await uow.trx.updateTable('conversations').set({ routing_state: 'queued', updated_at: uow.now }).where('id', 'in', newcomers).execute();
    }
  }
  // Places in line are renumbered by a separate, throttled pass: renumbering every waiting chat
  // on every drain made a long queue cost O(queue) writes and events per arrival.
  for (const chatflowId of new Set(waiting.map((w) => w.chatflow_id))) await scheduleQueuePositions(uow, workspaceId, chatflowId);
}

async function loadDirectory(uow: UnitOfWork, workspaceId: number): Promise<WorkspaceDirectory> {
  const candidates = await loadCandidates(uow.trx, workspaceId, uow.now);
  const memberships = await uow.trx
    .selectFrom('team_members')
    .innerJoin('teams', 'teams.id', 'team_members.team_id')
    .select(['team_members.team_id', 'team_members.user_id'])
    .where('teams.workspace_id', '=', workspaceId)
    .execute();
  const teamMembers = new Map<number, Set<number>>();
  for (const m of memberships) {
    const set = teamMembers.get(m.team_id) ?? new Set<number>();
    set.add(m.user_id);
    teamMembers.set(m.team_id, set);
  }
  return { candidates, teamMembers };
}

async function loadRoutings(uow: UnitOfWork, chatflowIds: number[]): Promise<Map<number, ChatflowRouting>> {
  const rows = await uow.trx.selectFrom('chatflows').select(['id', 'routing']).where('id', 'in', chatflowIds).execute();
  return new Map(rows.map((row) => [row.id, parseRouting(row.routing)]));
}

/**
 * Known / unknown and contact facts for custom rules that read them: the contacts of the whole
 * batch in one query (none when no waiting chat's rules have such a criterion).
 */
async function loadCriteria(uow: UnitOfWork, waiting: Waiting[], routings: Map<number, ChatflowRouting>): Promise<(w: Waiting) => CriteriaSubject> {
  const readsContacts = (routing: ChatflowRouting) =>
    routing.mode === 'custom_rules' && routing.rules.some((rule) => rule.conditions.some(isVisitorInfoCriterion));
  const contactIds = waiting
    .filter((w) => w.contact_id !== null && readsContacts(routings.get(w.chatflow_id)!))
    .map((w) => Number(w.contact_id));
  const facts = contactIds.length > 0 ? await loadContactFacts(uow.trx, contactIds) : new Map();
  return (w) => {
    const contact = w.contact_id === null ? null : (facts.get(Number(w.contact_id)) ?? null);
    return { known: w.contact_id !== null, contact };
  };
}

/** Users who already declined or let expire an offer of the conversation: not asked again. */
async function triedUsers(uow: UnitOfWork, conversationIds: number[]): Promise<Map<number, Set<number>>> {
  const tried = new Map<number, Set<number>>();
  for (let i = 0; i < conversationIds.length; i += 500) {
    const rows = await uow.trx
      .selectFrom('offers')
      .select(['conversation_id', 'user_id'])
      .where('conversation_id', 'in', conversationIds.slice(i, i + 500))
      .where('status', 'in', ['declined', 'expired'])
      .execute();
    for (const row of rows) {
      const set = tried.get(row.conversation_id) ?? new Set<number>();
      set.add(row.user_id);
      tried.set(row.conversation_id, set);
    }
  }
  return tried;
}
