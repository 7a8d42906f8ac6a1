/**
 * Renders rich text with Preact elements only: the tree's text nodes become text children and
 * its addresses attributes, so nothing in a message is ever interpreted as HTML.
 */
import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import type { Block, Inline } from './ast';
import { parseRichText } from './parse';

function inline(node: Inline, key: number): ComponentChildren {
  switch (node.type) {
    case 'text':
      return node.text;
    case 'strong':
      return <strong key={key}>{node.children.map(inline)}</strong>;
    case 'em':
      return <em key={key}>{node.children.map(inline)}</em>;
    case 'link':
      return (
        <a key={key} href={node.href} target="_blank" rel="noopener noreferrer nofollow">
          {node.children.map(inline)}
        </a>
      );
    case 'image':
      return <img key={key} src={node.src} alt={node.alt} loading="lazy" referrerpolicy="no-referrer" />;
  }
}

function block(node: Block, key: number) {
  if (node.type === 'paragraph') return <p key={key}>{node.children.map(inline)}</p>;
  const items = node.items.map((item, i) => <li key={i}>{item.map(inline)}</li>);
  return node.ordered ? (
    <ol key={key} start={node.start}>
      {items}
    </ol>
  ) : (
    <ul key={key}>{items}</ul>
  );
}

/** The blocks of `text`, to place inside a container element (not a <p>: lists are blocks). */
export function RichText({ text }: { text: string }) {
  const blocks = useMemo(() => parseRichText(text), [text]);
  return <>{blocks.map(block)}</>;
}
