/**
 * Chat attachments (W12, I6): the bytes decide the type, markup and unknown binaries are refused,
 * and the stored name cannot pass for another type or carry a path or direction tricks.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sniffAttachmentType } from '../../src/domain/attachments/attachmentType.js';
import { cleanFileName, contentDisposition } from '../../src/domain/attachments/fileName.js';
import { IMAGES } from '../helpers/brandingImages.js';

/** A ZIP whose first local file header names `name` and stores `content` uncompressed. */
function zipWith(name: string, content = ''): Buffer {
  const header = Buffer.alloc(30);
  header.write('PK\x03\x04', 0, 'latin1');
  header.writeUInt16LE(Buffer.byteLength(name), 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, Buffer.from(name, 'latin1'), Buffer.from(content, 'latin1'), Buffer.from('PK\x05\x06', 'latin1'), Buffer.alloc(18)]);
}

test('images are inline types; documents are downloads, each by its bytes', () => {
  for (const [type, bytes] of Object.entries(IMAGES)) {
    assert.deepEqual([sniffAttachmentType(bytes)?.contentType, sniffAttachmentType(bytes)?.isImage], [type, true]);
  }
  const cases: Array<[Buffer, string]> = [
    [Buffer.from('%PDF-1.7\n...'), 'application/pdf'],
    [Buffer.from('name,qty\nbolts,4\n'), 'text/plain'],
    [Buffer.from('\uFEFFhello ünïcode ✓\r\n\tindented'), 'text/plain'],
    [zipWith('readme.txt', 'hi'), 'application/zip'],
    [zipWith('[Content_Types].xml', '<Types/>word/document.xml'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    [zipWith('xl/workbook.xml'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    [zipWith('mimetype', 'application/vnd.oasis.opendocument.text'), 'application/vnd.oasis.opendocument.text'],
  ];
  for (const [bytes, type] of cases) {
    assert.equal(sniffAttachmentType(bytes)?.contentType, type, type);
    assert.equal(sniffAttachmentType(bytes)?.isImage, false);
  }
});

test('markup, binaries and broken text are refused', () => {
  const refused = [
    Buffer.from('<!doctype html><script>alert(1)</script>'),
    Buffer.from('  <svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
    Buffer.from('\uFEFF<?xml version="1.0"?><a/>'),
    Buffer.concat([Buffer.from('MZ'), Buffer.alloc(16)]),
    Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]),
    Buffer.from([0x68, 0x69, 0xff, 0xfe]),
    Buffer.from('text with a \x00 NUL'),
  ];
  for (const bytes of refused) assert.equal(sniffAttachmentType(bytes), null, JSON.stringify(bytes.toString('latin1')));
});

test('names: last path part, no control or direction characters, an extension that fits the type, bounded', () => {
  assert.equal(cleanFileName('C:\\Users\\me\\photo.PNG', ['png']), 'photo.PNG');
  assert.equal(cleanFileName('../../etc/passwd', ['txt']), 'passwd.txt');
  assert.equal(cleanFileName('invoice\u202Efdp.exe', ['pdf']), 'invoicefdp.exe.pdf');
  assert.equal(cleanFileName('page.html', ['txt', 'csv']), 'page.html.txt');
  assert.equal(cleanFileName('...', ['pdf']), 'file.pdf');
  assert.equal(cleanFileName('line\nbreak.txt', ['txt']), 'linebreak.txt');
  const long = cleanFileName(`${'ä'.repeat(300)}.pdf`, ['pdf']);
  assert.equal([...long].length, 120);
  assert.ok(long.endsWith('.pdf'));
});

test('Content-Disposition carries an ASCII fallback and the exact UTF-8 name', () => {
  assert.equal(contentDisposition('attachment', 'plain.pdf'), `attachment; filename="plain.pdf"; filename*=UTF-8''plain.pdf`);
  assert.equal(contentDisposition('inline', 'Å "quoted" (1).png'), `inline; filename="_ _quoted_ (1).png"; filename*=UTF-8''%C3%85%20%22quoted%22%20%281%29.png`);
});
