/**
 * Files and images in the chat (W12, I6): refused by type and size with clear codes and nothing
 * stored (neither the row nor the bytes, in the data directory or the bytes table); downloads
 * authorized like the conversation (the visitor only its own, agents by the inbox read rule, a
 * note's file never to the visitor); a file message live to both sides, in the thread, in the
 * resume replay and the snapshot; served with nosniff and the right disposition.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { connectAgent, connectVisitor, createUserAs, httpAs, type AgentClient } from './helpers/clients.js';
import { IMAGES } from './helpers/brandingImages.js';
import { openRawSocket } from './helpers/rawSocket.js';
import { startCluster, type TestCluster } from './helpers/testServer.js';

const MAX_BYTES = 4096;
const shared = {} as { cluster: TestCluster; admin: AgentClient };
before(async () => {
  shared.cluster = await startCluster({ env: { PARLEY_ATTACHMENT_MAX_BYTES: String(MAX_BYTES) } });
  shared.admin = await connectAgent(shared.cluster.url, shared.cluster.wsUrl);
});
after(async () => {
  shared.admin.close();
  await shared.cluster.close();
});

const PNG = IMAGES['image/png'];
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0), Buffer.from('This program cannot be run in DOS mode')]);
const HTML = Buffer.from('<!doctype html><script>alert(document.cookie)</script>');

interface Upload {
  status: number;
  body: any;
}

async function upload(url: string, headers: Record<string, string>, bytes: Buffer, contentType = 'application/octet-stream'): Promise<Upload> {
  const res = await fetch(`${shared.cluster.url}${url}`, { method: 'POST', headers: { 'content-type': contentType, ...headers }, body: bytes });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const query = (params: Record<string, string>) => new URLSearchParams(params).toString();

function visitorUpload(token: string, name: string, clientMessageId: string, bytes: Buffer, contentType?: string): Promise<Upload> {
  return upload(`/api/widget/attachments?${query({ name, clientMessageId })}`, { authorization: `Bearer ${token}` }, bytes, contentType);
}

function agentUpload(cookie: string, conversationId: number, name: string, clientMessageId: string, bytes: Buffer, internal = false): Promise<Upload> {
  const params = query({ name, clientMessageId, ...(internal ? { internal: 'true' } : {}) });
  return upload(`/api/conversations/${conversationId}/attachments?${params}`, { cookie, origin: shared.cluster.url }, bytes);
}

function download(url: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${shared.cluster.url}${url}`, { headers });
}

const db = () => shared.cluster.nodes[0]!.server.ctx.storage.db;

async function count(table: 'attachments' | 'messages' | 'conversations'): Promise<number> {
  return Number((await db().selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
}

/** Stored bytes, wherever this driver keeps them: files in the data directory, or table rows. */
async function storedBytes(): Promise<number> {
  if (shared.cluster.store.databaseUrl) {
    return Number((await db().selectFrom('attachment_bytes').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  }
  const dir = path.join(shared.cluster.store.dataDir, 'attachments');
  return fs.existsSync(dir) ? fs.readdirSync(dir).length : 0;
}

async function snapshotOfStore() {
  return { attachments: await count('attachments'), messages: await count('messages'), conversations: await count('conversations'), bytes: await storedBytes() };
}

test('refused by type, size and emptiness with clear codes, for visitors and agents; nothing is stored', async () => {
  const { cluster, admin } = shared;
  const visitor = await connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey);
  const before = await snapshotOfStore();

  // A visitor's very first message refused: no conversation starts either.
  const refusals: Array<[Buffer, string, number, string]> = [
    [EXE, 'setup.exe', 400, 'attachment_type_not_allowed'],
    [HTML, 'page.html', 400, 'attachment_type_not_allowed'],
    // Claiming to be an image changes nothing: the bytes decide.
    [EXE, 'photo.png', 400, 'attachment_type_not_allowed'],
    [Buffer.concat([PNG, Buffer.alloc(MAX_BYTES + 1 - PNG.length, 0)]), 'huge.png', 413, 'file_too_large'],
    [Buffer.alloc(0), 'empty.txt', 400, 'file_empty'],
  ];
  for (const [bytes, name, status, code] of refusals) {
    const res = await visitorUpload(visitor.visitorToken, name, `v-refused-${name}`, bytes, name.endsWith('.png') ? 'image/png' : 'application/octet-stream');
    assert.equal(res.status, status, `${name}: ${JSON.stringify(res.body)}`);
    assert.equal(res.body.error.code, code, name);
  }
  assert.deepEqual(await snapshotOfStore(), before, 'no row, no message, no conversation, no bytes');

  // The same for an agent, in an open conversation.
  const first = await visitor.rt.send('message.send', { clientMessageId: 'v-hello', body: 'hello' });
  const conversationId = first.message.conversationId;
  const withChat = await snapshotOfStore();
  for (const [bytes, name, status, code] of refusals) {
    const res = await agentUpload(admin.cookie, conversationId, name, `a-refused-${name}`, bytes);
    assert.equal(res.status, status, `${name}: ${JSON.stringify(res.body)}`);
    assert.equal(res.body.error.code, code, name);
  }
  // Unknown conversation and no credentials: refused before anything is kept.
  assert.equal((await agentUpload(admin.cookie, 999_999, 'a.pdf', 'a-nowhere', PDF)).body.error.code, 'not_found');
  assert.equal((await visitorUpload('not-a-token', 'a.pdf', 'v-nobody', PDF)).body.error.code, 'invalid_visitor_token');
  assert.deepEqual(await snapshotOfStore(), withChat, 'still nothing stored');
  visitor.close();
});

test('a visitor image reaches the agent live, in the thread, on resume and in snapshots; downloads carry nosniff and the right disposition', async () => {
  const { cluster, admin } = shared;
  const visitor = await connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey);
  const agentCursor = admin.resumes.at(-1)!.cursor;
  await visitor.rt.send('message.send', { clientMessageId: 'v-1', body: 'here is a screenshot' });

  const sent = await visitorUpload(visitor.visitorToken, 'C:\\Users\\me\\screen\u202Egnp.png', 'v-image', PNG, 'image/png');
  assert.equal(sent.status, 201, JSON.stringify(sent.body));
  const message = sent.body.message;
  assert.equal(message.author.kind, 'visitor');
  assert.equal(message.attachment.contentType, 'image/png');
  assert.equal(message.attachment.isImage, true);
  assert.equal(message.attachment.size, PNG.length);
  assert.equal(message.attachment.name, 'screengnp.png', 'no path and no bidi override');
  assert.equal(message.body, 'screengnp.png');
  assert.equal(message.attachment.url, `/api/attachments/${message.attachment.id}`);

  // Live to the agent and to the visitor's own socket.
  const live = await admin.log.waitForEvent('message.created', (d) => d.message.id === message.id);
  assert.deepEqual(live.data.message.attachment, message.attachment);
  const own = await visitor.log.waitForEvent('message.created', (d) => d.message.id === message.id);
  assert.deepEqual(own.data.message.attachment, message.attachment);

  // The thread, an agent resume replay and a fresh visitor snapshot all have it.
  const thread = await admin.http('GET', `/api/conversations/${message.conversationId}`);
  assert.deepEqual(thread.body.messages.find((m: any) => m.id === message.id).attachment, message.attachment);
  const replay = await openRawSocket(cluster.wsUrl, { cookie: admin.cookie });
  assert.equal((await replay.command('session.resume', { lastEventId: agentCursor })).ok, true);
  const replayed = await replay.next((f) => f.t === 'event' && f.name === 'message.created' && f.data.message.id === message.id);
  assert.deepEqual(replayed.data.message.attachment, message.attachment);
  replay.ws.close();
  const again = await connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey, visitor);
  assert.deepEqual(again.resumes[0]!.snapshot!.messages.find((m) => m.id === message.id)?.attachment, message.attachment);
  again.close();

  // Served to the visitor (bearer) and the agent (session): the bytes, inline, nosniff.
  for (const headers of [{ authorization: `Bearer ${visitor.visitorToken}` }, { cookie: admin.cookie }] as Record<string, string>[]) {
    const res = await download(message.attachment.url, headers);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/png');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.match(res.headers.get('content-disposition') ?? '', /^inline; filename="screengnp\.png"/);
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), PNG);
  }

  // A resend under the same client message id is the same message, and keeps no second copy.
  const stored = await storedBytes();
  const resent = await visitorUpload(visitor.visitorToken, 'other.png', 'v-image', PNG);
  assert.equal(resent.status, 200);
  assert.equal(resent.body.duplicate, true);
  assert.equal(resent.body.message.id, message.id);
  assert.equal(await storedBytes(), stored);
  visitor.close();
});

test('an agent PDF reaches the visitor live and downloads as an attachment; text becomes .txt', async () => {
  const { cluster, admin } = shared;
  const visitor = await connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey);
  const first = await visitor.rt.send('message.send', { clientMessageId: 'v-1', body: 'can you send the invoice?' });
  const conversationId = first.message.conversationId;

  const sent = await agentUpload(admin.cookie, conversationId, 'invoice.pdf', 'a-pdf', PDF);
  assert.equal(sent.status, 201, JSON.stringify(sent.body));
  const attachment = sent.body.message.attachment;
  assert.equal(attachment.contentType, 'application/pdf');
  assert.equal(attachment.isImage, false);
  const live = await visitor.log.waitForEvent('message.created', (d) => d.message.attachment?.id === attachment.id);
  assert.equal(live.data.message.author.kind, 'user');
  assert.deepEqual(live.data.message.attachment, attachment);

  const res = await download(attachment.url, { authorization: `Bearer ${visitor.visitorToken}` });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/pdf');
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(res.headers.get('content-disposition'), `attachment; filename="invoice.pdf"; filename*=UTF-8''invoice.pdf`);
  assert.deepEqual(Buffer.from(await res.arrayBuffer()), PDF);

  // Text named like a web page is kept, as text, under a name that cannot open as one.
  const text = await agentUpload(admin.cookie, conversationId, 'notes.html', 'a-text', Buffer.from('order 42: shipped\n'));
  assert.equal(text.status, 201);
  assert.equal(text.body.message.attachment.name, 'notes.html.txt');
  const served = await download(text.body.message.attachment.url, { cookie: admin.cookie });
  assert.equal(served.headers.get('content-type'), 'text/plain; charset=utf-8');
  assert.match(served.headers.get('content-disposition') ?? '', /^attachment;/);
  visitor.close();
});

test('downloads follow the conversation: not another visitor, not an agent I3 keeps out, never a note to the visitor', async () => {
  const { cluster, admin } = shared;
  const owner = await connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey);
  const stranger = await connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey);
  const sent = await visitorUpload(owner.visitorToken, 'passport.jpg', 'v-private', IMAGES['image/jpeg']);
  assert.equal(sent.status, 201);
  const { url } = sent.body.message.attachment;
  const conversationId = sent.body.message.conversationId;

  const strangerRes = await download(url, { authorization: `Bearer ${stranger.visitorToken}` });
  assert.equal(strangerRes.status, 404);
  assert.equal(((await strangerRes.json()) as any).error.code, 'not_found');
  assert.equal((await download(url)).status, 401, 'no credentials at all');
  assert.equal((await download(url, { authorization: 'Bearer nope' })).status, 401);

  // Assigned to one agent: another agent may not read it (I3), the admin may.
  const holder = await createUserAs(admin, { email: 'attach-holder@example.com', name: 'Holder' });
  const other = await createUserAs(admin, { email: 'attach-other@example.com', name: 'Other' });
  assert.equal((await admin.http('POST', `/api/conversations/${conversationId}/assign`, { userId: holder.id })).status, 200);
  const otherAgent = await connectAgent(cluster.url, cluster.wsUrl, other);
  const holderAgent = await connectAgent(cluster.url, cluster.wsUrl, holder);
  const refused = await download(url, { cookie: otherAgent.cookie });
  assert.equal(refused.status, 403);
  assert.equal(((await refused.json()) as any).error.code, 'forbidden');
  assert.equal((await download(url, { cookie: holderAgent.cookie })).status, 200);
  assert.equal((await download(url, { cookie: admin.cookie })).status, 200);
  // Basic credentials of a proxy in front of the inbox are not taken for a visitor token.
  assert.equal((await download(url, { cookie: admin.cookie, authorization: 'Basic dXNlcjpwYXNz' })).status, 200);
  // Nor may that agent send a file into it.
  const intrude = await agentUpload(otherAgent.cookie, conversationId, 'x.pdf', 'o-1', PDF);
  assert.equal(intrude.status, 403);

  // A file in an internal note: the team has it, the visitor never does.
  const note = await agentUpload(holderAgent.cookie, conversationId, 'internal.pdf', 'h-note', PDF, true);
  assert.equal(note.status, 201);
  assert.equal(note.body.message.internal, true);
  assert.equal((await download(note.body.message.attachment.url, { cookie: holderAgent.cookie })).status, 200);
  assert.equal((await download(note.body.message.attachment.url, { authorization: `Bearer ${owner.visitorToken}` })).status, 404);
  const widget = await httpAs(cluster.url, null, owner.visitorToken)('GET', '/api/widget/conversation');
  assert.ok(!JSON.stringify(widget.body).includes('internal.pdf'), 'the note and its file are not in the visitor thread');

  owner.close();
  stranger.close();
  otherAgent.close();
  holderAgent.close();
});
