/**
 * The email edition of a digest as one HTML document that survives a mailing service or the
 * WeChat editor: the feed's rendering of the digest (same citation, figures and body, every URL
 * absolute) inside a single column, every style inlined by juice, no class, `<style>`, `<link>`
 * or `<script>` left.
 */
import { load } from 'cheerio';
import type { Comment, Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import juice from 'juice';
import { visit } from 'unist-util-visit';
import { formatChineseDate } from '../site/dates.ts';
import type { FeedDigest } from '../feeds/feeds.ts';
import { SITE } from '../site/site.ts';
import { absoluteUrl, digestPath, homePath, jsonFeedPath, rssPath } from '../site/urls.ts';
import { CONTENT_WIDTH, COLUMN_WIDTH, emailStylesheet } from './styles.ts';

export interface EmailEditionOptions {
  /** The deployed site, for absolute URLs. */
  site: URL | string;
  /** The footer's unsubscribe link (a merge tag by default; see settings.ts). */
  unsubscribeUrl: string;
}

/**
 * Shrinks images wider than the column to the column (keeping their ratio): Outlook on Windows
 * sizes images by their width attribute alone and would otherwise show a 1200 px card.
 */
function fitImages(nodes: ElementContent[]): void {
  for (const node of nodes) {
    visit(node, 'element', (element: Element) => {
      const { width, height } = element.properties;
      if (element.tagName !== 'img' || typeof width !== 'number' || width <= CONTENT_WIDTH) return;
      element.properties.width = CONTENT_WIDTH;
      if (typeof height === 'number') element.properties.height = Math.round((height * CONTENT_WIDTH) / width);
    });
  }
}

/** Outlook on Windows ignores max-width; a table only it sees holds the column to its width. */
const outlookOpen: Comment = {
  type: 'comment',
  value: `[if mso]><table role="presentation" width="${COLUMN_WIDTH}" align="center"><tr><td><![endif]`,
};
const outlookClose: Comment = { type: 'comment', value: '[if mso]></td></tr></table><![endif]' };

/** The document before inlining: classes select the stylesheet's rules, then go. */
function emailTree(digest: FeedDigest, options: EmailEditionOptions): Root {
  const url = (path: string) => absoluteUrl(path, options.site);
  const pageUrl = url(digestPath(digest.id));
  const content = fromHtml(digest.contentHtml, { fragment: true }).children.filter(
    (node): node is ElementContent => node.type !== 'doctype',
  );
  fitImages(content);
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: SITE.lang }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('meta', { name: 'color-scheme', content: 'light' }),
          // A copy of the digest page for mailing services, not a page for search engines.
          h('meta', { name: 'robots', content: 'noindex' }),
          h('title', digest.title),
          h('style', emailStylesheet),
        ]),
        h('body', [
          // The line inboxes show after the subject.
          h('div.preheader', digest.description),
          outlookOpen,
          h('div.column', [
            h('p.masthead', [h('a', { href: url(homePath) }, SITE.name), ` · ${SITE.tagline}`]),
            h('h1.title', [h('a', { href: pageUrl }, digest.title)]),
            h('p.dek', digest.description),
            h('p.meta', [`${formatChineseDate(digest.pubDate)} · `, h('a', { href: pageUrl }, '在网站上阅读')]),
            h('div.content', content),
            h('p.links', [
              '订阅：',
              h('a', { href: url(rssPath) }, 'RSS'),
              ' · ',
              h('a', { href: url(jsonFeedPath) }, 'JSON Feed'),
              ' · ',
              h('a', { href: url(homePath) }, '网站'),
            ]),
            h('p.footer', [
              `${SITE.name}（${SITE.englishName}）· ${SITE.tagline}`,
              h('br'),
              '不想再收到这份通讯？',
              h('a', { href: options.unsubscribeUrl }, '退订'),
            ]),
          ]),
          outlookClose,
        ]),
      ]),
    ],
  };
}

/** How juice inlines: the stylesheet's rules only, every `var()` resolved, the `<style>` removed. */
const INLINING = {
  removeStyleTags: true,
  preserveMediaQueries: false,
  preserveFontFaces: false,
  resolveCSSVariables: true,
  // The width attributes are set above for Outlook; CSS decides everywhere else.
  applyWidthAttributes: false,
  applyHeightAttributes: false,
};

/** The complete email edition of `digest`, as an HTML document with every style inline. */
export function emailHtml(digest: FeedDigest, options: EmailEditionOptions): string {
  // One parse for the whole job, the way juice parses its own input (htmlparser2, entities kept
  // as written): juice inlines into it, then the classes go. Parsing the output again to drop
  // them cost a third of each edition's time.
  const $ = load(toHtml(emailTree(digest, options), { upperDoctype: true }), {
    xml: { xmlMode: false, decodeEntities: false },
  });
  juice.juiceDocument($, INLINING);
  // Once inlined, styles no longer depend on the classes.
  $('[class]').removeAttr('class');
  return $.html();
}
