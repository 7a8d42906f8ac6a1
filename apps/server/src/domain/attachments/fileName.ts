/**
 * The name a sent file is stored and offered under. Only the last path part counts; control and
 * bidirectional-override characters go (they can disguise `txt.exe` as `exe.txt`); the name is
 * bounded; and it ends with an extension that fits the sniffed type, so a text file sent as
 * `page.html` downloads as `page.html.txt` and never opens as a web page.
 */
const MAX_NAME_LENGTH = 120;
const UNSAFE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

export function cleanFileName(raw: string, extensions: readonly string[]): string {
  const lastPart = raw.split(/[\\/]/).pop() ?? '';
  let name = lastPart.replace(UNSAFE, '').trim().replace(/^\.+/, '').trim();
  if (!name) name = 'file';
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (!extensions.includes(extension)) name = `${name}.${extensions[0]}`;
  const chars = [...name];
  if (chars.length <= MAX_NAME_LENGTH) return name;
  // Too long: shorten the part before the extension, keep the extension.
  const keptDot = name.lastIndexOf('.');
  const tail = name.slice(keptDot);
  return [...name.slice(0, keptDot)].slice(0, MAX_NAME_LENGTH - [...tail].length).join('') + tail;
}

/** `Content-Disposition` value: a plain-ASCII fallback name and the exact one in RFC 5987 form. */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const exact = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${exact}`;
}
