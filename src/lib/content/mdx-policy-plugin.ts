/**
 * The content policy inside the MDX pipeline itself, so `astro build` and `astro dev` called
 * directly (and the feed renderer, which renders the same compiled module) refuse a digest that
 * would run code or publish markup, even when nobody ran `npm run check:content` first. It runs
 * before the MDX is compiled to JavaScript: a refused digest is never executed.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mdxToMdast, type MdastPluginEntry, type PluginFactoryContext } from 'satteri';
import { ContentError } from './content-rules.ts';
import { bodyPolicyViolations } from './body-policy.ts';

/**
 * A satteri plugin factory for `satteri({ mdastPlugins: [...] })`. It adds no visitor: it reads
 * the source (frontmatter blanked out by Astro, so line numbers are the file's own) and throws
 * a ContentError listing every breach as `file:line  body  问题（应为：…）`.
 */
export function contentPolicyPlugin(root: string = process.cwd()): MdastPluginEntry {
  return (context: PluginFactoryContext) => {
    let tree: unknown;
    try {
      tree = mdxToMdast(context.source);
    } catch {
      // A syntax error: the compiler that runs next reports it with its own position.
      return null;
    }
    const violations = bodyPolicyViolations(tree);
    if (violations.length === 0) return null;
    const file = context.fileURL ? relative(root, fileURLToPath(context.fileURL)) : '(MDX)';
    throw new ContentError(violations.map(({ line, message }) => ({ file, line, field: 'body', message })));
  };
}
