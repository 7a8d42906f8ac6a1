/**
 * Image sniffing for branding uploads: the first bytes decide, never the claimed type.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sniffImageType } from '../../src/domain/branding/imageType.js';
import { IMAGES, NOT_IMAGES } from '../helpers/brandingImages.js';

const bytes = (...values: number[]) => Buffer.from(values);
const text = (value: string) => Buffer.from(value, 'latin1');

test('each accepted image is recognised by its signature', () => {
  for (const [type, image] of Object.entries(IMAGES)) assert.equal(sniffImageType(image), type);
  assert.equal(sniffImageType(text('GIF87a\x01\x00')), 'image/gif');
});

test('everything else is refused, including near misses', () => {
  const refused: Array<[string, Buffer]> = [
    ['empty', Buffer.alloc(0)],
    ['PNG signature cut short', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a)],
    ['PNG with a wrong last byte', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0b)],
    ['JPEG cut short', bytes(0xff, 0xd8)],
    ['GIF of an unknown version', text('GIF88a')],
    ['a RIFF that is a WAV', text('RIFF\x24\x00\x00\x00WAVEfmt ')],
    ['a RIFF cut before its form type', text('RIFF\x24\x00\x00\x00WEB')],
    ['WEBP without RIFF', text('XXXX\x24\x00\x00\x00WEBP')],
    ['SVG', NOT_IMAGES.svg.bytes],
    ['SVG with an XML declaration', text('<?xml version="1.0"?><svg/>')],
    ['HTML', NOT_IMAGES.html.bytes],
    ['text named .png', NOT_IMAGES.textAsPng.bytes],
    ['a PNG signature after a leading space', Buffer.concat([text(' '), IMAGES['image/png']])],
  ];
  for (const [name, value] of refused) assert.equal(sniffImageType(value), null, name);
});
