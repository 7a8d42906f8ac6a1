/**
 * W7 through the public widget routes: the state a chatflow's widget shows under office hours in
 * a non-UTC zone (across a DST change and across midnight), the behaviours for each state, and
 * the live stream that tells widgets when the state changes, and its limit per client address.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { connectAgent, type AgentClient } from './helpers/clients.js';
import { ManualClock } from './helpers/manualClock.js';
import { openSse } from './helpers/sseReader.js';
import { startCluster, type TestCluster } from './helpers/testServer.js';

const clock = new ManualClock();
let cluster: TestCluster;
let admin: AgentClient;
let chatflow: any;

before(async () => {
  cluster = await startCluster({ clock: clock.now });
  admin = await connectAgent(cluster.url, cluster.wsUrl);
  await admin.rt.send('availability.set', { availability: 'online' });
  chatflow = (await admin.http('GET', '/api/admin/sites')).body.sites[0].chatflows[0];
});

after(async () => {
  admin.close();
  await cluster.close();
});

async function setAvailability(patch: Record<string, unknown>): Promise<void> {
  const saved = await admin.http('PATCH', `/api/admin/chatflows/${chatflow.id}`, { availability: { ...chatflow.availability, ...patch } });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
}

async function widgetState(atUtc: string) {
  clock.set(Date.parse(atUtc));
  const res = await fetch(`${cluster.url}/api/widget/config?siteKey=${cluster.siteKey}`);
  return ((await res.json()) as any).config.availability;
}

test('office hours in Europe/Helsinki across the October DST change', async () => {
  await setAvailability({
    mode: 'office_hours',
    offlineBehavior: 'return_time',
    officeHours: { timeZone: 'Europe/Helsinki', ranges: [{ day: 'fri', start: '09:00', end: '17:00' }, { day: 'mon', start: '09:00', end: '17:00' }], holidays: [] },
  });
  // Friday 23 Oct 2026 is summer time (UTC+3): 09:00 local is 06:00Z.
  assert.deepEqual(await widgetState('2026-10-23T05:59:00Z'), {
    state: 'offline',
    hideLauncher: false,
    message: chatflow.availability.awayMessage,
    typicalReplyTime: null,
    returnsAt: Date.parse('2026-10-23T06:00:00Z'),
  });
  assert.equal((await widgetState('2026-10-23T06:00:00Z')).state, 'available');
  // After 17:00 local on Friday, the team is back on Monday — after the change to UTC+2.
  const friday = await widgetState('2026-10-23T14:00:00Z');
  assert.equal(friday.state, 'offline');
  assert.equal(friday.returnsAt, Date.parse('2026-10-26T07:00:00Z'));
  assert.equal((await widgetState('2026-10-26T06:59:00Z')).state, 'offline');
  assert.equal((await widgetState('2026-10-26T07:00:00Z')).state, 'available');
});

test('office hours across midnight in America/Los_Angeles, with a holiday', async () => {
  await setAvailability({
    mode: 'office_hours',
    offlineBehavior: 'hide_launcher',
    officeHours: { timeZone: 'America/Los_Angeles', ranges: [{ day: 'sat', start: '22:00', end: '02:00' }], holidays: ['2026-11-28'] },
  });
  // Saturday 21 Nov 23:30 local (UTC-8) is Sunday 07:30Z; Sunday 01:30 local is 09:30Z.
  assert.equal((await widgetState('2026-11-22T07:30:00Z')).state, 'available');
  assert.equal((await widgetState('2026-11-22T09:30:00Z')).state, 'available');
  const closed = await widgetState('2026-11-22T10:00:00Z');
  assert.deepEqual([closed.state, closed.hideLauncher], ['offline', true]);
  // Saturday 28 Nov is a holiday: closed through the night, including after midnight.
  assert.equal((await widgetState('2026-11-29T07:30:00Z')).state, 'offline');
  assert.equal((await widgetState('2026-11-29T09:30:00Z')).state, 'offline');
});

test('a bad time zone is refused and changes nothing', async () => {
  const before = (await admin.http('GET', '/api/admin/sites')).body.sites[0].chatflows[0].availability;
  const res = await admin.http('PATCH', `/api/admin/chatflows/${chatflow.id}`, {
    availability: { ...before, officeHours: { ...before.officeHours, timeZone: 'Mars/Olympus_Mons' } },
  });
  assert.equal(res.status, 400);
  assert.equal(res.body.error.code, 'validation_failed');
  const after = (await admin.http('GET', '/api/admin/sites')).body.sites[0].chatflows[0].availability;
  assert.deepEqual(after, before);
});

test('the availability stream follows user availability live: available, away, at capacity', async () => {
  clock.set(Date.now());
  await setAvailability({ mode: 'users', typicalReplyTime: 'hour', atCapacityBehavior: 'waiting_message' });
  const stream = await openSse(`${cluster.url}/api/widget/availability?siteKey=${cluster.siteKey}`);
  try {
    await stream.waitFor((e) => e.event === 'availability' && e.data.state === 'available' && e.data.typicalReplyTime === 'hour');
    await admin.rt.send('availability.set', { availability: 'away' });
    const away = await stream.waitFor((e) => e.data.state === 'away');
    assert.equal(away.data.message, chatflow.availability.awayMessage);
    await admin.rt.send('availability.set', { availability: 'online' });
    await admin.http('PATCH', `/api/admin/users/${admin.userId}`, { maxChats: 0 });
    const full = await stream.waitFor((e) => e.data.state === 'at_capacity');
    assert.equal(full.data.message, chatflow.availability.waitingMessage);
    await admin.http('PATCH', `/api/admin/users/${admin.userId}`, { maxChats: 10 });
    await stream.waitFor((e) => e.data.state === 'available' && stream.events.indexOf(e) > stream.events.indexOf(full));
  } finally {
    stream.close();
  }
});

test('one client address may hold only PARLEY_STREAMS_PER_ADDRESS availability streams; a closed one frees its place', async () => {
  const limited = await startCluster({ env: { PARLEY_STREAMS_PER_ADDRESS: '2' } });
  const url = `${limited.url}/api/widget/availability?siteKey=${limited.siteKey}`;
  const streams = [await openSse(url), await openSse(url)];
  try {
    const refused = await fetch(url);
    assert.equal(refused.status, 429);
    assert.equal(((await refused.json()) as any).error.code, 'rate_limited');

    streams.shift()!.close();
    // The server sees the close a moment later.
    let again: Response | null = null;
    for (let i = 0; i < 40 && again?.status !== 200; i++) {
      await again?.body?.cancel();
      await new Promise((r) => setTimeout(r, 50));
      again = await fetch(url);
    }
    assert.equal(again!.status, 200, 'a closed stream gives its place back');
    await again!.body?.cancel();
  } finally {
    for (const stream of streams) stream.close();
    await limited.close();
  }
});
