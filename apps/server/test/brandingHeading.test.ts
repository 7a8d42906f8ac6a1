/**
 * The chat heading a visitor sees (W2), resolved on the server against real storage: custom
 * branding, the listed users (deactivated ones drop out), or the visitor's contact owner.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ChatflowWidgetSettings } from '@parley/protocol';
import { DEFAULT_VISITOR_GATES } from '@parley/chatflow';
import { resolveWidgetHeading } from '../src/domain/branding/heading.js';
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
    unreadSound: false,
    unreadTitleFlash: true,
    ...DEFAULT_VISITOR_GATES,
    emailCapturePrompt: 'Your email?',
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

test('the widget config carries the resolved heading, names joined in the chatflow language', async () => {
  const chatflows = await shared.admin.http('GET', '/api/admin/chatflows');
  const chatflowId = chatflows.body.chatflows[0].id;
  const eva = await createUserAs(shared.admin, { email: 'eva@example.com', name: 'Eva Lind' });
  const finn = await createUserAs(shared.admin, { email: 'finn@example.com', name: 'Finn Berg' });
  const saved = await shared.admin.http('PATCH', `/api/admin/chatflows/${chatflowId}`, { language: 'sv', settings: { headingMode: 'users', headingUserIds: [eva.id, finn.id] } });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  const config = await fetch(`${shared.cluster.url}/api/widget/config?siteKey=${shared.cluster.siteKey}&url=${encodeURIComponent('https://shop.example/')}&device=desktop`);
  const body = (await config.json()) as any;
  assert.equal(config.status, 200, JSON.stringify(body));
  assert.deepEqual(body.config.heading, { title: 'Eva och Finn', people: [{ name: 'Eva Lind', avatarUrl: null }, { name: 'Finn Berg', avatarUrl: null }] });
});

test('saving a chatflow with a heading user of no workspace is refused and changes nothing', async () => {
  const chatflows = await shared.admin.http('GET', '/api/admin/chatflows');
  const chatflow = chatflows.body.chatflows[0];
  const refused = await shared.admin.http('PATCH', `/api/admin/chatflows/${chatflow.id}`, { settings: { headingMode: 'users', headingUserIds: [424242] } });
  assert.equal(refused.status, 400);
  assert.equal(refused.body.error.code, 'validation_failed');
  assert.match(refused.body.error.detail, /headingUserIds/);
  const after = await shared.admin.http('GET', `/api/admin/chatflows/${chatflow.id}`);
  assert.deepEqual(after.body.chatflow.settings, chatflow.settings);
});
