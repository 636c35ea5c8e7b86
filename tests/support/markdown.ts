import type { Nodes, Root } from 'mdast';
import { markdownToMdast } from 'satteri';

/** A Markdown file as the site's own Markdown parser (Sätteri) reads it. */
export function parseMarkdown(text: string): Root {
  const tree = markdownToMdast(text);
  if (tree.type !== 'root') throw new Error('expected a Markdown root');
  return tree;
}

/** The plain text under a Markdown node. */
export const markdownText = (node: Nodes): string =>
  'value' in node ? node.value : 'children' in node ? node.children.map(markdownText).join('') : '';
