/**
 * W15: the snippet's `window.Parley` stub (run as the browser would, in a fresh context) records
 * calls made before the loader arrives; the API chunk's queue replays them in order on the same
 * object, skips junk, keeps later calls in order behind slow ones, and works without a stub
 * (the older one-tag snippet).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import vm from 'node:vm';
import { PARLEY_API_METHODS, apiStubScript } from '@parley/protocol';
import { installApi, serial, takeQueue, type ParleyMethods } from '../src/loader/api/queue';

type Page = { window: { Parley?: any } };

/** A page that ran the snippet's inline script. */
function pageWithStub(): Page {
  const page: Page = { window: {} };
  vm.runInNewContext(apiStubScript(), page);
  return page;
}

/** Methods that record what reaches them. */
function recorder(calls: Array<[string, unknown[]]>): ParleyMethods {
  return Object.fromEntries(PARLEY_API_METHODS.map((name) => [name, (...args: unknown[]) => void calls.push([name, args])])) as unknown as ParleyMethods;
}

test('the stub defines every method at once and records calls with their arguments', () => {
  const page = pageWithStub();
  const parley = page.window.Parley;
  for (const name of PARLEY_API_METHODS) assert.equal(typeof parley[name], 'function', name);
  parley.identify({ id: '42', hash: 'ab' });
  parley.open();
  const handler = (): void => {};
  parley.on('ready', handler);
  assert.deepEqual(takeQueue(parley), [
    ['identify', [{ id: '42', hash: 'ab' }]],
    ['open', []],
    ['on', ['ready', handler]],
  ]);
});

test('pasting the snippet twice keeps the first stub and its queue', () => {
  const page = pageWithStub();
  const first = page.window.Parley;
  first.open();
  vm.runInNewContext(apiStubScript(), page);
  assert.equal(page.window.Parley, first);
  assert.deepEqual(takeQueue(first), [['open', []]]);
});

test('installing replays the queue in order on the same object, then calls go straight through', () => {
  const page = pageWithStub();
  const stub = page.window.Parley;
  stub.identify({ id: '7' });
  stub.setProperties({ plan: 'pro' });
  stub.track('signup', { via: 'ad' });
  stub.open();
  const calls: Array<[string, unknown[]]> = [];
  const installed = installApi(page.window, recorder(calls));
  assert.equal(installed, stub, 'a page that kept the stub keeps a working object');
  assert.equal(page.window.Parley, stub);
  assert.equal(stub.q, undefined, 'the queue is gone');
  assert.deepEqual(calls, [
    ['identify', [{ id: '7' }]],
    ['setProperties', [{ plan: 'pro' }]],
    ['track', ['signup', { via: 'ad' }]],
    ['open', []],
  ]);
  stub.close();
  assert.deepEqual(calls.at(-1), ['close', []]);
});

test('without a stub (the older snippet) window.Parley is created', () => {
  const win: { Parley?: any } = {};
  const calls: Array<[string, unknown[]]> = [];
  installApi(win, recorder(calls));
  win.Parley.toggle();
  assert.deepEqual(calls, [['toggle', []]]);
});

test('junk in the queue is skipped, and a failing call does not stop the replay', () => {
  const calls: Array<[string, unknown[]]> = [];
  const methods = recorder(calls);
  methods.hide = () => {
    throw new Error('broken');
  };
  const win = { Parley: { q: [['open', []], 'nonsense', ['eval', ['alert(1)']], ['hide', []], ['show', { 0: 'x', length: 1 }], null] } };
  const warn = console.warn;
  console.warn = () => {};
  try {
    installApi(win, methods);
  } finally {
    console.warn = warn;
  }
  assert.deepEqual(calls, [
    ['open', []],
    ['show', ['x']],
  ]);
});

test('serial runs tasks in call order, behind slow ones, and a failure does not block the next', async () => {
  const run = serial();
  const order: string[] = [];
  const slow = run(async () => {
    await new Promise((resolve) => setTimeout(resolve, 30));
    order.push('identify');
    return 'verified';
  });
  const failing = run(() => {
    order.push('track');
    throw new Error('refused');
  });
  const quick = run(() => void order.push('open'));
  assert.equal(await slow, 'verified');
  await assert.rejects(failing, /refused/);
  await quick;
  assert.deepEqual(order, ['identify', 'track', 'open']);
});
