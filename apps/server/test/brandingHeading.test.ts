/**
 * The chat heading a visitor sees (W2), resolved on the server against real storage: custom
 * branding, the listed users (deactivated ones drop out), or the visitor's contact owner.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ChatflowWidgetSettings } from '@parley/protocol';
import { checkHeadingUsers, resolveWidgetHeading } from '../src/domain/branding/heading.js';
import { DomainError } from '../src/domain/errors.js';
import { connectVisitor, createUserAs } from './helpers/clients.js';
import { useNodeWithAdmin } from './helpers/suite.js';

const shared = useNodeWithAdmin();
const db = () => shared.cluster.nodes[0]!.server.ctx.storage.db;

function settings(overrides: Partial<ChatflowWidgetSettings>): ChatflowWidgetSettings {
  return {
    accentColor: '#2f6fdf',
    headingMode: 'branding',
    headingName: 'Acme Support',
    headingAvatarUrl: 'http://localhost/files/brand',
    headingUserIds: [],
    brandAsAgentAlias: false,
    welcomeMessage: 'Hi!',
    display: { desktop: 'prompt', mobile: 'launcher', triggers: { exitIntent: false, secondsOnPage: null, scrollPercent: null } },
    ...overrides,
  };
}

async function visitorRow(visitorId: number) {
  return db().selectFrom('visitors').selectAll().where('id', '=', visitorId).executeTakeFirstOrThrow();
}

test('branding: the custom name and image', async () => {
  const heading = await resolveWidgetHeading(db(), settings({ headingMode: 'branding' }), null);
  assert.deepEqual(heading, { title: 'Acme Support', people: [{ name: 'Acme Support', avatarUrl: 'http://localhost/files/brand' }] });
});

test('users: the listed active users in order, first names joined; none left = branding', async () => {
  const anna = await createUserAs(shared.admin, { email: 'anna@example.com', name: 'Anna Virtanen' });
  const ben = await createUserAs(shared.admin, { email: 'ben@example.com', name: 'Ben Rossi' });
  const cleo = await createUserAs(shared.admin, { email: 'cleo@example.com', name: 'Cleo' });

  const three = await resolveWidgetHeading(db(), settings({ headingMode: 'users', headingUserIds: [cleo.id, anna.id, ben.id] }), null);
  assert.equal(three.title, 'Cleo, Anna, and Ben');
  assert.deepEqual(three.people.map((p) => p.name), ['Cleo', 'Anna Virtanen', 'Ben Rossi']);

  const finnish = await resolveWidgetHeading(db(), settings({ headingMode: 'users', headingUserIds: [anna.id, ben.id] }), null, { language: 'fi' });
  assert.equal(finnish.title, 'Anna ja Ben');

  // A deactivated user drops out of the heading.
  assert.equal((await shared.admin.http('PATCH', `/api/admin/users/${ben.id}`, { active: false })).status, 200);
  const two = await resolveWidgetHeading(db(), settings({ headingMode: 'users', headingUserIds: [anna.id, ben.id] }), null);
  assert.equal(two.title, 'Anna');
  assert.deepEqual(two.people, [{ name: 'Anna Virtanen', avatarUrl: null }]);

  const nobody = await resolveWidgetHeading(db(), settings({ headingMode: 'users', headingUserIds: [ben.id] }), null);
  assert.equal(nobody.title, 'Acme Support');
  assert.deepEqual(nobody.people, [{ name: 'Acme Support', avatarUrl: 'http://localhost/files/brand' }]);

  // Users of another workspace never show, even if an id slipped into the settings.
  const elsewhere = await resolveWidgetHeading(db(), settings({ headingMode: 'users', headingUserIds: [anna.id] }), null, { workspaceId: 999_999 });
  assert.equal(elsewhere.title, 'Acme Support');
});

test("owner: the visitor's contact owner while active; otherwise the branding", async () => {
  const olga = await createUserAs(shared.admin, { email: 'olga@example.com', name: 'Olga Owner' });
  const visitor = await connectVisitor(shared.cluster.url, shared.cluster.wsUrl, shared.cluster.siteKey);
  const sent = await visitor.rt.send('message.send', { clientMessageId: 'o1', body: 'hello' });
  const ownerMode = settings({ headingMode: 'owner' });

  // No owner yet, and no visitor at all: the branding.
  assert.equal((await resolveWidgetHeading(db(), ownerMode, await visitorRow(visitor.visitorId))).title, 'Acme Support');
  assert.equal((await resolveWidgetHeading(db(), ownerMode, null)).title, 'Acme Support');

  const set = await shared.admin.http('PUT', `/api/conversations/${sent.message.conversationId}/owner`, { userId: olga.id });
  assert.ok(set.status === 200, JSON.stringify(set.body));
  const owned = await resolveWidgetHeading(db(), ownerMode, await visitorRow(visitor.visitorId));
  assert.deepEqual(owned, { title: 'Olga', people: [{ name: 'Olga Owner', avatarUrl: null }] });

  assert.equal((await shared.admin.http('PATCH', `/api/admin/users/${olga.id}`, { active: false })).status, 200);
  assert.equal((await resolveWidgetHeading(db(), ownerMode, await visitorRow(visitor.visitorId))).title, 'Acme Support');
  visitor.close();
});

test('checkHeadingUsers refuses users of no or another workspace, and duplicates', async () => {
  const dana = await createUserAs(shared.admin, { email: 'dana@example.com', name: 'Dana' });
  const { workspace_id: workspaceId } = await db().selectFrom('users').select('workspace_id').where('id', '=', dana.id).executeTakeFirstOrThrow();
  await checkHeadingUsers(db(), workspaceId, [dana.id]);
  await checkHeadingUsers(db(), workspaceId, []);
  const refused = async (ids: number[], pattern: RegExp) => {
    await assert.rejects(checkHeadingUsers(db(), workspaceId, ids), (error: unknown) => {
      assert.ok(error instanceof DomainError);
      assert.equal(error.code, 'validation_failed');
      assert.match(error.detail ?? '', pattern);
      return true;
    });
  };
  await refused([dana.id, 424242], /^settings\.headingUserIds: no user 424242 in this workspace$/);
  await refused([dana.id, dana.id], /listed twice/);
  await assert.rejects(checkHeadingUsers(db(), workspaceId + 1, [dana.id]), /validation_failed/);
});
