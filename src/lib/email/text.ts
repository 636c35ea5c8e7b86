/**
 * The plain-text alternative of the email edition: readable on its own in a client that shows
 * no HTML, with every link written out. The body is the same feed rendering the HTML edition
 * uses, converted by html-to-text.
 */
import { compile } from 'html-to-text';
import { formatChineseDate } from '../site/dates.ts';
import type { FeedDigest } from '../feeds/feeds.ts';
import { SITE } from '../site/site.ts';
import { absoluteUrl, digestPath, homePath, jsonFeedPath, rssPath } from '../site/urls.ts';
import type { EmailEditionOptions } from './html.ts';

const heading = { uppercase: false, leadingLineBreaks: 2, trailingLineBreaks: 1 };

/** Compiled once: html-to-text's `convert` would compile these options again for every digest. */
const toText = compile({
  // Chinese has no spaces to wrap at; mail clients wrap plain text themselves.
  wordwrap: false,
  selectors: [
    // Angle brackets are the usual delimiters of a URL in plain text (RFC 3986, appendix C):
    // clients that turn URLs into links stop at ">" rather than swallowing "）" or "。".
    { selector: 'a', options: { linkBrackets: ['<', '>'] } },
    { selector: 'img', options: { linkBrackets: ['<', '>'] } },
    { selector: 'h1', options: heading },
    { selector: 'h2', options: heading },
    { selector: 'h3', options: heading },
    { selector: 'hr', format: 'skip' },
  ],
});

/** The email edition of `digest` as plain text. */
export function emailText(digest: FeedDigest, options: EmailEditionOptions): string {
  const url = (path: string) => absoluteUrl(path, options.site);
  const rule = '————————';
  return [
    `${SITE.name} · ${SITE.tagline}`,
    '',
    digest.title,
    '',
    digest.description,
    '',
    `${formatChineseDate(digest.pubDate)} · 在网站上阅读：${url(digestPath(digest.id))}`,
    '',
    rule,
    '',
    toText(digest.contentHtml),
    '',
    rule,
    `订阅：RSS ${url(rssPath)} · JSON Feed ${url(jsonFeedPath)}`,
    `${SITE.name}（${SITE.englishName}）：${url(homePath)}`,
    `退订：${options.unsubscribeUrl}`,
    '',
  ].join('\n');
}
