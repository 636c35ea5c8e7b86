/**
 * Makes rendered HTML fit for a feed reader: every link and image absolute (readers resolve
 * relative URLs against the feed, not the page, or not at all), no styles, scripts or Astro's
 * scoping attributes, and no character that XML forbids.
 */
import { ELEMENT_NODE, parse, renderSync, TEXT_NODE, walkSync } from 'ultrahtml';

/** Characters XML 1.0 forbids, even escaped: C0 controls other than tab, LF, CR; lone surrogates; U+FFFE/F. */
const INVALID_XML_CHARACTERS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/** Removes characters that would make a feed invalid XML. */
export function stripInvalidXmlCharacters(text: string): string {
  return text.replace(INVALID_XML_CHARACTERS, '');
}

const URL_ATTRIBUTES = ['href', 'src', 'poster', 'cite'];
const DROPPED_ELEMENTS = new Set(['style', 'script', 'link', 'template']);

/** Rewrites `html` for a feed item whose page lives at `pageUrl`. */
export function prepareFeedHtml(html: string, pageUrl: string): string {
  const document = parse(stripInvalidXmlCharacters(html));
  walkSync(document, (node) => {
    if (node.type === TEXT_NODE) return;
    if (node.type !== ELEMENT_NODE) return;
    if (DROPPED_ELEMENTS.has(node.name)) {
      const siblings: unknown[] = node.parent.children;
      siblings.splice(siblings.indexOf(node), 1, { type: TEXT_NODE, value: '', parent: node.parent });
      return;
    }
    for (const name of Object.keys(node.attributes)) {
      if (name.startsWith('data-astro') || name === 'class' || name === 'style' || name.startsWith('on')) {
        delete node.attributes[name];
      }
    }
    for (const name of URL_ATTRIBUTES) {
      const value = node.attributes[name];
      if (value !== undefined) node.attributes[name] = new URL(value, pageUrl).href;
    }
    if (node.attributes.srcset !== undefined) {
      node.attributes.srcset = node.attributes.srcset
        .split(',')
        .map((candidate: string) => {
          const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
          return [new URL(url, pageUrl).href, ...descriptor].join(' ');
        })
        .join(', ');
    }
  });
  return renderSync(document);
}
