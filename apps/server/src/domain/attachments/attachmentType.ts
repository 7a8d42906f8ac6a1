/**
 * Which kind of file an attachment is, read from its bytes (W12, I6). The name and the type the
 * sender's browser claims are never trusted. What is allowed is what visitors and agents usually
 * exchange and what a browser cannot run as a page of ours: images, PDF, plain text, ZIP and
 * Office/OpenDocument files. Everything else (HTML, SVG, executables, unknown binaries) is refused.
 */
import { sniffImageType } from '../branding/imageType.js';

export interface AttachmentType {
  contentType: string;
  /** Shown inline (PNG, JPEG, GIF, WebP); everything else is a download. */
  isImage: boolean;
  /** Extensions a name may keep for this type; the first is added when the name has none of them. */
  extensions: readonly string[];
}

const IMAGE_EXTENSIONS: Record<string, readonly string[]> = {
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
};

const PDF: AttachmentType = { contentType: 'application/pdf', isImage: false, extensions: ['pdf'] };
const TEXT: AttachmentType = { contentType: 'text/plain', isImage: false, extensions: ['txt', 'text', 'csv', 'tsv', 'log', 'md', 'json'] };
const ZIP: AttachmentType = { contentType: 'application/zip', isImage: false, extensions: ['zip'] };

/** Office Open XML files are ZIPs told apart by the part every such document has. */
const OFFICE_PARTS: ReadonlyArray<[string, AttachmentType]> = [
  ['word/document.xml', { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', isImage: false, extensions: ['docx'] }],
  ['xl/workbook.xml', { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', isImage: false, extensions: ['xlsx'] }],
  ['ppt/presentation.xml', { contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', isImage: false, extensions: ['pptx'] }],
];

/** OpenDocument files are ZIPs whose first entry, stored uncompressed, is `mimetype`. */
const OPEN_DOCUMENTS: Record<string, readonly string[]> = {
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'application/vnd.oasis.opendocument.presentation': ['odp'],
};

const ascii = (bytes: Uint8Array, from: number, to: number): string => String.fromCharCode(...bytes.subarray(from, to));

function zipType(bytes: Buffer): AttachmentType {
  // Local file header: the name starts at 30; OpenDocument puts `mimetype` first and its
  // (stored) content right after the name.
  if (ascii(bytes, 30, 38) === 'mimetype') {
    const nameLength = bytes.readUInt16LE(26);
    const extraLength = bytes.readUInt16LE(28);
    const start = 30 + nameLength + extraLength;
    const declared = ascii(bytes, start, start + 60);
    for (const [contentType, extensions] of Object.entries(OPEN_DOCUMENTS)) {
      if (declared.startsWith(contentType) && !declared.startsWith(`${contentType}-`)) return { contentType, isImage: false, extensions };
    }
  }
  for (const [part, type] of OFFICE_PARTS) if (bytes.includes(part, 0, 'latin1')) return type;
  return ZIP;
}

/**
 * UTF-8 (with or without a BOM) and no control characters besides tab, line breaks and form feed.
 * Markup (HTML, SVG, XML: text that opens with `<`) is not plain text: saved and opened from disk
 * it would run as a page.
 */
function isPlainText(bytes: Buffer): boolean {
  if (/^(\uFEFF)?\s*</.test(bytes.subarray(0, 1024).toString('utf8'))) return false;
  for (const byte of bytes) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) return false;
    if (byte === 0x7f) return false;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The attachment type the bytes are, or null when this kind of file is not accepted. */
export function sniffAttachmentType(bytes: Buffer): AttachmentType | null {
  const image = sniffImageType(bytes);
  if (image) return { contentType: image, isImage: true, extensions: IMAGE_EXTENSIONS[image]! };
  if (ascii(bytes, 0, 5) === '%PDF-') return PDF;
  if (bytes.length >= 30 && ascii(bytes, 0, 4) === 'PK\x03\x04') return zipType(bytes);
  // An empty archive is only its end record.
  if (ascii(bytes, 0, 4) === 'PK\x05\x06') return ZIP;
  if (isPlainText(bytes)) return TEXT;
  return null;
}

/** Images shown inline when served; everything else is served as a download. */
export function isInlineImage(contentType: string): boolean {
  return contentType in IMAGE_EXTENSIONS;
}
