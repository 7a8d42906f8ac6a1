/**
 * Migration 007 fills the search indexes from what was stored before it: an upgraded
 * installation finds its history at once (both drivers).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { insertChatflow } from '../src/domain/chatflows/insertChatflow.js';
import { storeAtMigration } from './helpers/storeAtMigration.js';

test('messages and visitors stored before migration 007 are searchable after it', async () => {
  const old = await storeAtMigration('006_uploads');
  const { db, driver } = old;
  const workspace = { id: old.workspaceId };
  const site = { id: old.siteId };
  try {
    const now = Date.now();
    const chatflow = await insertChatflow(db, { workspaceId: workspace.id, siteId: site.id, name: 'Old flow', priority: 0, published: true }, now);
    const visitor = await db
      .insertInto('visitors')
      .values({ workspace_id: workspace.id, site_id: site.id, token_hash: 'old', name: null, context: JSON.stringify({ properties: { email: 'Old.Timer@Example.com' } }), created_at: now, last_seen_at: now, owner_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const conversation = await db
      .insertInto('conversations')
      .values({
        workspace_id: workspace.id, site_id: site.id, chatflow_id: chatflow.id, visitor_id: visitor.id, status: 'closed', channel: 'chat',
        assignee_id: null, version: 1, last_seq: 2, created_at: now, updated_at: now, last_message_at: now, first_agent_reply_at: null,
        closed_at: now, close_reason: null, queue_position: null, queue_wait_seconds: null, last_activity_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const message = (seq: number, kind: 'visitor' | 'system', body: string) => ({
      conversation_id: conversation.id, seq, author_kind: kind, author_user_id: null, author_visitor_id: kind === 'visitor' ? visitor.id : null,
      author_name: null, body, client_message_id: null, dedupe_key: null, created_at: now,
    });
    const [visitorLine] = await db.insertInto('messages').values([message(1, 'visitor', 'An heirloom teapot arrived cracked'), message(2, 'system', 'The heirloom chat was closed')]).returning('id').execute();

    await old.migrateToLatest();
    const { rows } = await sql<{ message_id: number }>`select message_id from (${driver.search.messageMatches({ words: ['heirloom'], lastIsPrefix: false })}) x`.execute(db);
    assert.deepEqual(rows.map((r) => Number(r.message_id)), [visitorLine!.id], 'the visitor line, not the system line');
    const contact = await sql<{ search_name: string }>`select search_name from visitors where id = ${visitor.id}`.execute(db);
    assert.equal(contact.rows[0]!.search_name, 'old.timer@example.com');
  } finally {
    await old.close();
  }
});
