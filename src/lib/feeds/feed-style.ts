/**
 * How an RSS feed looks when someone opens it in a browser instead of a reader: a CSS stylesheet
 * (never XSLT, which browsers are removing) shows the feed's title, what a feed is, a link to the
 * subscribe page and the titles of the newest digests. Feed readers ignore all of it.
 */
import tokens from '../../styles/tokens.css?raw';
import { SITE } from '../site/site.ts';

/** The XHTML namespace: elements in it are real HTML in an XML page, so its link can be clicked. */
export const XHTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/** Adds the `<?xml-stylesheet type="text/css"?>` instruction right after the XML declaration. */
export function withCssStylesheet(xml: string, href: string): string {
  const declaration = /^<\?xml [^?]*\?>/.exec(xml);
  if (!declaration) throw new Error('withCssStylesheet: the feed does not start with an XML declaration');
  const escaped = href.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const instruction = `<?xml-stylesheet type="text/css" href="${escaped}"?>`;
  return `${declaration[0]}${instruction}${xml.slice(declaration[0].length)}`;
}

/**
 * The note a browser shows above the feed, as channel elements in the XHTML namespace (readers
 * skip elements of namespaces they do not know). Two paragraphs, neither with mixed text and
 * elements: @astrojs/rss re-parses custom data and would reorder mixed content.
 */
export function browserNote(subscribeUrl: string) {
  return {
    'xhtml:div': {
      '@_xmlns:xhtml': XHTML_NAMESPACE,
      '@_class': 'feed-note',
      '@_lang': SITE.lang,
      'xhtml:p': [
        {
          '@_class': 'feed-note-text',
          '#text': '这是供阅读器使用的 RSS 订阅源。把本页地址粘贴到阅读器的“添加订阅”中，即可收到每篇摘要的全文。',
        },
        { 'xhtml:a': { '@_href': subscribeUrl, '#text': '如何订阅：订阅源地址、阅读器与邮件订阅 →' } },
      ],
    },
  };
}

/**
 * The stylesheet: the site's own design tokens, then rules for the feed's elements. An XML page
 * has no default styles, so everything is hidden except what a person needs: the channel's title
 * and description, the note and the digest titles. Dates stay hidden: RSS writes them in English.
 */
export const FEED_CSS = `${tokens}
rss {
  display: block;
  background: var(--color-bg);
  color: var(--color-text);
  font-family: var(--font-body);
  font-size: var(--text-base);
  line-height: var(--leading-body);
  line-break: strict;
  overflow-wrap: break-word;
  min-height: 100vh;
}
channel {
  display: flex;
  flex-direction: column;
  max-width: var(--measure);
  margin: 0 auto;
  padding: var(--space-6) var(--space-4) var(--space-12);
}
channel > * {
  display: none;
}
channel > title {
  display: block;
  order: -2;
  font-size: var(--text-2xl);
  font-weight: 700;
  line-height: var(--leading-tight);
  margin: 0 0 var(--space-2);
}
channel > description {
  display: block;
  order: -1;
  color: var(--color-muted);
  margin: 0 0 var(--space-4);
}
channel > .feed-note {
  display: block;
  order: -1;
  margin: 0 0 var(--space-8);
  padding: var(--space-3) var(--space-4);
  background: var(--color-surface);
  border: 1px solid var(--color-border);
  border-inline-start: 4px solid var(--color-accent);
  border-radius: var(--radius);
}
.feed-note p {
  display: block;
  margin: 0;
}
.feed-note p + p {
  margin-top: var(--space-2);
}
.feed-note a {
  color: var(--color-link);
  font-weight: 700;
  text-underline-offset: 0.2em;
}
.feed-note a:focus-visible {
  outline: 3px solid var(--color-focus);
  outline-offset: 2px;
}
channel > item {
  display: block;
  padding: var(--space-3) 0;
  border-top: 1px solid var(--color-border);
}
item > * {
  display: none;
}
item > title {
  display: block;
  font-size: var(--text-lg);
  font-weight: 700;
  line-height: var(--leading-tight);
}
item > description {
  display: block;
  margin-top: var(--space-1);
  color: var(--color-muted);
  font-size: var(--text-sm);
}
`;
