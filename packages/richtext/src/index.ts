/**
 * The safe rich text subset of business messages (welcome, away, card, agent and bot lines):
 * one parser to a small tree, shared by the chat frame and the inbox. Visitor text is never
 * passed through it. The Preact renderer is `@parley/richtext/render`.
 */
export type { Block, Inline, ListNode, ParagraphNode, TextNode, StrongNode, EmphasisNode, LinkNode, ImageNode } from './ast';
export { parseRichText } from './parse';
export { parseInline } from './inline';
export { safeImageSrc, safeLinkHref } from './urls';
