/**
 * W16: system lines are worded from their notice in the chatflow's language, and a line stored
 * before notices existed shows its body. Run with `node --import tsx --test apps/widget/test/noticeText.test.ts`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Message } from '@parley/protocol';
import { setStrings } from '../src/frame/i18n';
import en from '../src/frame/i18n/en';
import fi from '../src/frame/i18n/fi';
import sv from '../src/frame/i18n/sv';
import { noticeText } from '../src/frame/noticeText';

const line = (notice: Message['notice'], body = 'English body'): Pick<Message, 'body' | 'notice'> => ({ body, notice });

test('Finnish: every notice in Finnish, with the name', () => {
  setStrings('fi', fi);
  assert.equal(noticeText(line({ type: 'joined', name: 'Aino' })), 'Aino liittyi keskusteluun');
  assert.equal(noticeText(line({ type: 'agentClosed', name: 'Aino' })), 'Aino lopetti keskustelun');
  assert.equal(noticeText(line({ type: 'visitorEnded' })), 'Lopetit keskustelun');
  assert.equal(noticeText(line({ type: 'inactive' })), 'Keskustelu päättyi, koska siinä ei ollut toimintaa hetkeen');
});

test('Swedish: every notice in Swedish, with the name', () => {
  setStrings('sv', sv);
  assert.equal(noticeText(line({ type: 'joined', name: 'Elsa' })), 'Elsa anslöt till chatten');
  assert.equal(noticeText(line({ type: 'agentClosed', name: 'Elsa' })), 'Elsa avslutade chatten');
  assert.equal(noticeText(line({ type: 'visitorEnded' })), 'Du avslutade chatten');
  assert.equal(noticeText(line({ type: 'inactive' })), 'Chatten avslutades efter en stunds inaktivitet');
});

test('English speaks to the visitor, not about them', () => {
  setStrings('en', en);
  assert.equal(noticeText(line({ type: 'visitorEnded' }, 'The visitor ended the chat')), 'You ended the chat');
  assert.equal(noticeText(line({ type: 'joined', name: 'Acme Help' }, 'Acme Help joined the chat')), 'Acme Help joined the chat');
});

test('no notice (older lines) or an unknown kind: the body as stored', () => {
  setStrings('fi', fi);
  assert.equal(noticeText(line(undefined, 'Alice joined the chat')), 'Alice joined the chat');
  assert.equal(noticeText(line(null, 'Alice joined the chat')), 'Alice joined the chat');
  assert.equal(noticeText(line({ type: 'transferred', name: 'x' } as unknown as Message['notice'], 'Moved')), 'Moved');
});

test('a name is used as written: placeholders and markup in it are not expanded', () => {
  setStrings('fi', fi);
  assert.equal(noticeText(line({ type: 'joined', name: '<b>{name}</b>' })), '<b>{name}</b> liittyi keskusteluun');
});
