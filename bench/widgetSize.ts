/**
 * Widget size budget (W1, W16): the embed script must stay tiny (≤ 3 KB gzip) because it runs on
 * every page of every customer site; the chat UI (≤ 30 KB gzip with one language) loads only when
 * opened but should still be quick on a phone. The emoji picker (W12) is a chunk of its own,
 * fetched only when a visitor first opens it, with its own budget.
 *
 * Reads the built files (run `npm run build -w apps/widget` first), prints gzip sizes (zlib level
 * 9, what a server would send) and exits 1 when a budget is exceeded or a file is missing.
 *
 *   node --import tsx bench/widgetSize.ts
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = new URL('../apps/widget/dist/', import.meta.url).pathname;
const KB = 1024;

interface Budget {
  label: string;
  files: string[];
  budgetBytes: number;
}

function filesUnder(dir: string, extensions: string[]): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, extensions);
    return extensions.some((ext) => name.endsWith(ext)) ? [path] : [];
  });
}

const gzipSize = (path: string): number => gzipSync(readFileSync(path), { level: 9 }).length;
const kb = (bytes: number): string => `${(bytes / KB).toFixed(1)} KB`;

const loader = join(dist, 'widget.js');
const frameFiles = filesUnder(join(dist, 'frame'), ['.js', '.css']);
/**
 * The frame loads its strings for one language only (W16), as a lazy chunk under assets/lang/:
 * a visitor downloads the entry files plus one of those, so the budget counts the entry and the
 * largest language chunk.
 */
const isLanguageChunk = (file: string): boolean => relative(join(dist, 'frame'), file).split(/[\\/]/).includes('lang');
const languageChunks = frameFiles.filter(isLanguageChunk);
/** The emoji picker (W12) is a lazy chunk under assets/emoji/, fetched only when its button is used. */
const isEmojiChunk = (file: string): boolean => relative(join(dist, 'frame'), file).split(/[\\/]/).includes('emoji');
const emojiChunks = frameFiles.filter(isEmojiChunk);
/** The loader's lazy chunks by entry (vite.lazy.config.ts); a chunk they share counts for each. */
const loaderChunks = filesUnder(join(dist, 'loader'), ['.js']);
const loaderChunk = (entry: string): string[] =>
  loaderChunks.filter((file) => basename(file).startsWith(`${entry}-`) || !/^(alerts|api)-/.test(basename(file)));
const largestLanguage = languageChunks.sort((a, b) => gzipSize(b) - gzipSize(a)).slice(0, 1);
const budgets: Budget[] = [
  { label: 'loader (widget.js)', files: existsSync(loader) ? [loader] : [], budgetBytes: 3 * KB },
  {
    label: 'chat UI (entry + the largest of one language)',
    files: [...frameFiles.filter((file) => !isLanguageChunk(file) && !isEmojiChunk(file)), ...largestLanguage],
    budgetBytes: 30 * KB,
  },
  { label: 'emoji picker (lazy, on first use)', files: emojiChunks, budgetBytes: 10 * KB },
  // W17: the loader's unread badge, preview bubble, chime and title flash, imported by widget.js
  // with the first unread message (apps/widget/vite.lazy.config.ts).
  { label: 'loader unread chunk (lazy, first unread message)', files: loaderChunk('alerts'), budgetBytes: 2 * KB },
  // W15: window.Parley, the JavaScript API, imported by widget.js once a chatflow shows.
  { label: 'loader API chunk (lazy, once a chatflow shows)', files: loaderChunk('api'), budgetBytes: 3 * KB },
];

let failed = false;
for (const { label, files, budgetBytes } of budgets) {
  if (files.length === 0) {
    console.error(`${label}: no built files under ${relative(process.cwd(), dist) || dist} (run npm run build -w apps/widget)`);
    failed = true;
    continue;
  }
  const total = files.reduce((sum, file) => sum + gzipSize(file), 0);
  const over = total > budgetBytes;
  console.log(`${label}: ${kb(total)} gzip, ${total} bytes (budget ${budgetBytes / KB} KB, ${budgetBytes} bytes)${over ? ' OVER BUDGET' : ''}`);
  for (const file of files) console.log(`  ${relative(dist, file)}: ${kb(gzipSize(file))}`);
  if (over) failed = true;
}

process.exit(failed ? 1 : 0);
