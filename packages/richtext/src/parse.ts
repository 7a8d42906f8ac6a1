/**
 * Block rich text: lines starting with "- ", "* " or "+ " make a bulleted list, "1. " or "1) " a
 * numbered one; every other run of lines is a paragraph that keeps its line breaks.
 */
import type { Block } from './ast';
import { parseInline } from './inline';

const BULLET = /^ {0,3}[-*+][ \t]+(\S[^]*)$/;
const NUMBERED = /^ {0,3}(\d{1,9})[.)][ \t]+(\S[^]*)$/;

export function parseRichText(text: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  /** The previous line was a list item: a matching item continues its list. */
  let inList = false;

  const endParagraph = () => {
    const body = paragraph.join('\n').replace(/^\n+|\n+$/g, '');
    if (body.trim()) blocks.push({ type: 'paragraph', children: parseInline(body) });
    paragraph = [];
  };

  for (const line of text.split(/\r\n|\r|\n/)) {
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (!bullet && !numbered) {
      inList = false;
      paragraph.push(line);
      continue;
    }
    const ordered = !!numbered;
    const item = parseInline(bullet ? bullet[1] : numbered![2]);
    const last = blocks[blocks.length - 1];
    if (inList && last.type === 'list' && last.ordered === ordered) {
      last.items.push(item);
      continue;
    }
    endParagraph();
    blocks.push({ type: 'list', ordered, start: numbered ? Number(numbered[1]) : 1, items: [item] });
    inList = true;
  }
  endParagraph();
  return blocks;
}
