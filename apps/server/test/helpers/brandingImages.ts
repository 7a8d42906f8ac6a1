/**
 * Tiny real images of each accepted type, and files that only pretend to be images, for the
 * branding upload tests.
 */
export const IMAGES = {
  'image/png': Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
  'image/gif': Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'),
  'image/webp': Buffer.from('UklGRiQAAABXRUJQVlA4IBgAAAAwAQCdASoBAAEAAwA0JaQAA3AA/vuUAAA=', 'base64'),
  // SOI, a JFIF APP0 segment, then end of image: enough for any reader to call it a JPEG.
  'image/jpeg': Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]),
} as const;

export const NOT_IMAGES = {
  svg: { claimed: 'image/svg+xml', bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="4"/></svg>') },
  html: { claimed: 'text/html', bytes: Buffer.from('<!doctype html><script>alert(document.cookie)</script>') },
  // A text file named logo.png: the browser claims image/png from the extension.
  textAsPng: { claimed: 'image/png', bytes: Buffer.from('just some text, not a picture\n') },
} as const;
