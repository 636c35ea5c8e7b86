/**
 * The content policy inside the MDX pipeline itself, so `astro build` and `astro dev` called
 * directly (and the feed renderer, which renders the same compiled module) refuse a digest that
 * would run code or publish markup, even when nobody ran `npm run check:content` first. It runs
 * before the MDX is compiled to JavaScript: a refused digest is never executed.
 */
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mdxToMdast, type MdastPluginEntry, type PluginFactoryContext } from 'satteri';
import { ContentError } from './content-rules.ts';
import { bodyPolicyViolations } from './body-policy.ts';

/** Where the digests collection lives (src/content.config.ts). */
const DIGESTS_FOLDER = 'src/content/digests';
/** Where the English editions live: their messages are in English. */
const ENGLISH_FOLDER = 'src/content/en';

/**
 * A satteri plugin factory for `satteri({ mdastPlugins: [...] })`. It adds no visitor: it reads
 * the source (frontmatter blanked out by Astro, so line numbers are the file's own) and throws
 * a ContentError listing every breach as `file:line  body  问题（应为：…）` (in English for an
 * English edition).
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
    const path = context.fileURL ? fileURLToPath(context.fileURL) : undefined;
    const file = path ? relative(root, path) : '(MDX)';
    // The digest's place in the digests folder decides which image folder is its own.
    const entry = path ? relative(join(root, DIGESTS_FOLDER), path).split(sep).join('/') : 'digest.mdx';
    const english = path !== undefined && !relative(join(root, ENGLISH_FOLDER), path).startsWith('..');
    const violations = bodyPolicyViolations(tree, entry, english ? 'en' : 'zh-CN');
    if (violations.length === 0) return null;
    throw new ContentError(violations.map(({ line, message }) => ({ file, line, field: 'body', message })));
  };
}
