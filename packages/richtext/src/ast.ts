/**
 * The rich text tree: the only shapes a business message can turn into. Anything the parser
 * does not recognise stays a text node, so a renderer that handles these five inline kinds and
 * two block kinds can never produce other markup.
 */
export interface TextNode {
  type: 'text';
  text: string;
}

export interface StrongNode {
  type: 'strong';
  children: Inline[];
}

export interface EmphasisNode {
  type: 'em';
  children: Inline[];
}

/** `href` has passed `safeLinkHref`: http, https or mailto, normalised. */
export interface LinkNode {
  type: 'link';
  href: string;
  children: Inline[];
}

/** `src` has passed `safeImageSrc`: https, or a same-origin Parley upload path. */
export interface ImageNode {
  type: 'image';
  src: string;
  alt: string;
}

export type Inline = TextNode | StrongNode | EmphasisNode | LinkNode | ImageNode;

/** Consecutive lines of text; line breaks stay inside the text nodes. */
export interface ParagraphNode {
  type: 'paragraph';
  children: Inline[];
}

export interface ListNode {
  type: 'list';
  ordered: boolean;
  /** The number of the first item (ordered lists only; 1 otherwise). */
  start: number;
  items: Inline[][];
}

export type Block = ParagraphNode | ListNode;
