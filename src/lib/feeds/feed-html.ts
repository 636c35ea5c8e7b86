/**
 * Makes rendered HTML fit for a feed reader: every link and image absolute (readers resolve
 * relative URLs against the feed, not the page, or not at all), no styles, scripts or Astro's
 * scoping attributes, and no character that XML forbids. The HTML is parsed by a spec-compliant
 * parser: Astro leaves "<" unescaped inside quoted attributes, which looser parsers misread.
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { SKIP, visit } from 'unist-util-visit';

/** Characters XML 1.0 forbids, even escaped: C0 controls other than tab, LF, CR; lone surrogates; U+FFFE/F. */
const INVALID_XML_CHARACTERS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/** Removes characters that would make a feed invalid XML. */
export function stripInvalidXmlCharacters(text: string): string {
  return text.replace(INVALID_XML_CHARACTERS, '');
}

/** hast property names of attributes that hold one URL. */
const URL_PROPERTIES = ['href', 'src', 'poster', 'cite'];
const DROPPED_ELEMENTS = new Set(['style', 'script', 'link', 'template']);

function cleanElement(element: Element, pageUrl: string): void {
  for (const name of Object.keys(element.properties)) {
    if (name.startsWith('dataAstro') || name === 'className' || name === 'style' || /^on[A-Z]/.test(name)) {
      delete element.properties[name];
    }
  }
  for (const name of URL_PROPERTIES) {
    const value = element.properties[name];
    if (typeof value === 'string') element.properties[name] = new URL(value, pageUrl).href;
  }
  const srcset = element.properties.srcSet;
  if (typeof srcset === 'string') {
    element.properties.srcSet = srcset
      .split(',')
      .map((candidate) => {
        const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
        return [new URL(url, pageUrl).href, ...descriptor].join(' ');
      })
      .join(', ');
  }
}

/** Rewrites `html` for a feed item whose page lives at `pageUrl`. */
export function prepareFeedHtml(html: string, pageUrl: string): string {
  const tree: Root = fromHtml(stripInvalidXmlCharacters(html), { fragment: true });
  visit(tree, 'element', (element, index, parent) => {
    if (DROPPED_ELEMENTS.has(element.tagName) && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    cleanElement(element, pageUrl);
    return undefined;
  });
  return toHtml(tree);
}
