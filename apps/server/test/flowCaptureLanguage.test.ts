/**
 * W8: a filled capture card is the visitor's own line in the thread, so its fields are named in
 * the chatflow's language (a custom property by its key), for the visitor and the inbox alike.
 * Both drivers.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FlowBranch } from '@parley/protocol';
import { demoSite, updateChatflow } from './helpers/chatflows.js';
import { settle, storage, visitorWrites } from './helpers/routing.js';
import { useNodeWithAdmin } from './helpers/suite.js';

const shared = useNodeWithAdmin();

const FLOW: FlowBranch = [
  { id: 'details', type: 'capture', text: 'Mihin voimme vastata?', fields: ['email', 'firstName', 'phone', 'asiakasnumero'] },
  { id: 'handoff', type: 'liveChat', onlineMessage: 'Yhdistän asiakaspalveluun.', offlineMessage: 'Olemme poissa.', waitSeconds: 60, offline: [] },
];

test('a Finnish chatflow stores the capture line with Finnish field names', async () => {
  const site = await demoSite(shared.admin.http);
  await updateChatflow(shared.admin.http, site.chatflows[0]!.id, { language: 'fi', flow: FLOW });

  const visitor = await visitorWrites(shared.cluster, 'Hei');
  await settle(shared.cluster);
  const captured = await visitor.http('POST', `/api/widget/conversations/${visitor.conversationId}/flow/capture`, {
    cardId: 'details',
    fields: { email: 'maija@example.com', firstName: 'Maija', phone: '+358 40 123 4567', asiakasnumero: '4711' },
  });
  assert.deepEqual(captured.body, { applied: true });

  const expected = 'Sähköposti: maija@example.com\nEtunimi: Maija\nPuhelin: +358 40 123 4567\nasiakasnumero: 4711';
  const stored = await storage(shared.cluster)
    .selectFrom('messages')
    .select(['author_kind', 'body', 'notice'])
    .where('conversation_id', '=', visitor.conversationId)
    .where('author_kind', '=', 'visitor')
    .orderBy('seq')
    .execute();
  assert.deepEqual(
    stored.map((line) => [line.body, line.notice && JSON.parse(line.notice)]),
    [
      ['Hei', null],
      [expected, { type: 'flowCaptured', cardId: 'details' }],
    ],
  );

  // The visitor reads it back as their own line; the inbox shows the same words.
  const seen = await visitor.http('GET', '/api/widget/conversation');
  assert.ok(seen.body.messages.some((m: any) => m.author.kind === 'visitor' && m.body === expected), JSON.stringify(seen.body.messages));
  const thread = await shared.admin.http('GET', `/api/conversations/${visitor.conversationId}`);
  assert.equal(thread.status, 200, JSON.stringify(thread.body));
  assert.ok(thread.body.messages.some((m: any) => m.body === expected));
});
