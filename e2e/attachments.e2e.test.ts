/**
 * Files and images both ways (issue 12: W12, I6) in real browsers against a real node (drivers
 * by PARLEY_TEST_DRIVERS): the visitor, on a phone-sized page, sends an image with "Attach file"
 * and the agent sees it inline in the thread; the agent drops a PDF on the reply box and the
 * visitor downloads exactly those bytes; a file pasted into the widget's message box arrives as a
 * download link. One scenario in order; a step after a failed one fails at once.
 *
 * Needs the built front ends (`npm run build` at the root) and /usr/bin/chromium.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { crc32, deflateSync } from 'node:zlib';
import { after, before } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { DRIVERS } from '../apps/server/test/helpers/drivers.js';
import { assertAccessible, eventually, signIn } from './browser.js';
import { chatFrame, chatOf, failFastSteps, openChat, startVisitorAndAgent, unassignedVisitor, type ChatScene } from './chatKit.js';

const AGENT = { name: 'Fiona Files', email: 'fiona@example.com', password: 'fiona-password-1' };
/** A real PNG of one colour, big enough to see: signature, IHDR, IDAT (rows with filter 0), IEND. */
function solidPng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const framed = Buffer.alloc(body.length + 8);
    framed.writeUInt32BE(data.length, 0);
    body.copy(framed, 4);
    framed.writeUInt32BE(crc32(body), body.length + 4);
    return framed;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

const PNG = solidPng(480, 320, [230, 120, 30]);
const PDF = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';
const step = failFastSteps(25_000);

let scene: ChatScene;
let visitor: Page;
let agent: Page;

before(async () => {
  ({ scene, visitor, agent } = await startVisitorAndAgent({
    agent: AGENT,
    visitorPage: { viewport: { width: 390, height: 844 }, acceptDownloads: true },
    agentPage: { acceptDownloads: true },
  }));
}, { timeout: 30_000 });

after(() => scene?.close());

/** Whether the image has loaded real pixels (not a broken image). */
async function loaded(image: Locator): Promise<boolean> {
  return image.evaluate((element) => (element as HTMLImageElement).complete && (element as HTMLImageElement).naturalWidth === 480);
}

/** Shown as a thumbnail: smaller than the image itself. */
async function thumbnailWidth(image: Locator): Promise<number> {
  return (await image.boundingBox())?.width ?? 0;
}

step(`the visitor sends an image with "Attach file"; the agent sees it inline (${DRIVERS})`, async (t) => {
  await signIn(agent, scene.cluster.url, AGENT.email, AGENT.password);
  const chat = await openChat(visitor, `${scene.host.sameSiteUrl}/`);
  const [chooser] = await Promise.all([visitor.waitForEvent('filechooser'), chat.getByRole('button', { name: 'Attach file' }).click()]);
  await chooser.setFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PNG });

  // The visitor's own thumbnail (fetched with the visitor token, shown through an object URL).
  const own = chat.getByRole('log', { name: 'Messages' }).locator('.msg.own:not(.pending)').getByRole('img', { name: 'photo.png' });
  await own.waitFor();
  assert.ok(await own.evaluate((element) => (element as HTMLImageElement).src.startsWith('blob:')), 'no token in an image URL');

  await unassignedVisitor(agent).click();
  const inline = agent.getByRole('log', { name: 'Messages' }).getByRole('img', { name: 'photo.png' });
  await inline.waitFor();
  await eventually(async () => assert.ok(await loaded(inline), 'the agent sees the image itself, not a broken one'));
  assert.equal(await inline.locator('xpath=..').getAttribute('target'), '_blank', 'a click opens it full size');
  await eventually(async () => assert.ok(await loaded(own), 'the visitor sees its image too'));
  for (const image of [inline, own]) {
    const width = await thumbnailWidth(image);
    assert.ok(width > 50 && width <= 240, `a thumbnail, not the full 480 px: ${width}`);
  }
  await assertAccessible(t, 'the inbox thread with an image', agent);
});

step('the agent drops a PDF on the reply box; the visitor downloads exactly those bytes', async (t) => {
  const composer = agent.locator('form.composer');
  const dataTransfer = await agent.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'invoice.pdf', { type: 'application/pdf' }));
    return transfer;
  }, PDF);
  await composer.dispatchEvent('dragover', { dataTransfer });
  await composer.dispatchEvent('drop', { dataTransfer });
  const sent = agent.getByRole('log', { name: 'Messages' }).locator('.message.from-user:not(.pending)').getByRole('link', { name: /invoice\.pdf/ });
  await sent.waitFor();

  const chat = chatOf(visitor);
  const link = chat.getByRole('log', { name: 'Messages' }).getByRole('link', { name: /invoice\.pdf/ });
  await link.waitFor();
  const [download, response] = await Promise.all([
    visitor.waitForEvent('download'),
    visitor.waitForResponse((r) => r.url().includes('/api/attachments/')),
    link.click(),
  ]);
  assert.equal(response.status(), 200);
  assert.equal(response.headers()['content-disposition']?.startsWith('attachment;'), true);
  assert.equal(response.headers()['x-content-type-options'], 'nosniff');
  assert.equal(download.suggestedFilename(), 'invoice.pdf');
  assert.equal(await readFile((await download.path())!, 'latin1'), PDF, 'the downloaded bytes are the PDF the agent sent');

  if (process.env.PARLEY_E2E_SCREENSHOTS) await visitor.screenshot({ path: `${process.env.PARLEY_E2E_SCREENSHOTS}/attachments-widget-390.png` });
  await assertAccessible(t, 'the chat window with an image and a file', await chatFrame(visitor));
  const overflow = await (await chatFrame(visitor)).evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, 'no horizontal scrolling in the chat window at 390 px');
});

step('a file pasted into the widget message box arrives in the inbox as a download link', async () => {
  const frame = await chatFrame(visitor);
  await frame.getByRole('textbox', { name: 'Message' }).evaluate((box) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['order 42, tracking AB123\n'], 'order.txt', { type: 'text/plain' }));
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  });
  const link = agent.getByRole('log', { name: 'Messages' }).getByRole('link', { name: /order\.txt/ });
  await link.waitFor();
  assert.equal(await link.getAttribute('download'), 'order.txt');
  assert.equal(await frame.getByRole('textbox', { name: 'Message' }).inputValue(), '', 'the paste put no text in the box');
});

step('the inbox thread with files works at 390 px: the button in view, images within the width, no sideways scroll', async (t) => {
  await agent.setViewportSize({ width: 390, height: 844 });
  const attach = agent.getByRole('button', { name: 'Attach file' });
  await attach.waitFor();
  const box = await attach.boundingBox();
  assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `the button is on screen: ${JSON.stringify(box)}`);
  const overflow = await agent.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, 'no horizontal scrolling in the inbox at 390 px');
  if (process.env.PARLEY_E2E_SCREENSHOTS) await agent.screenshot({ path: `${process.env.PARLEY_E2E_SCREENSHOTS}/attachments-inbox-390.png` });
  await assertAccessible(t, 'the inbox thread with files at 390 px', agent);
  await agent.setViewportSize({ width: 1400, height: 900 });
});

step('a refused file says why in the widget, and nothing is sent', async () => {
  const chat = chatOf(visitor);
  const [chooser] = await Promise.all([visitor.waitForEvent('filechooser'), chat.getByRole('button', { name: 'Attach file' }).click()]);
  await chooser.setFiles({ name: 'tool.exe', mimeType: 'application/octet-stream', buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0)]) });
  await chat.getByRole('alert').getByText('This type of file cannot be sent.').waitFor();
  assert.equal(await agent.getByRole('log', { name: 'Messages' }).getByText('tool.exe').count(), 0);
});

step('no uncaught script errors in any page or frame', async () => {
  assert.deepEqual(scene.pageErrors, []);
});
