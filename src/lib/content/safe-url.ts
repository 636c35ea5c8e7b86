/**
 * Which link targets a digest may use. A browser follows `javascript:` (and `data:`, `vbscript:`)
 * links as code, so only web and mail addresses, and addresses on this site, are allowed. The
 * scheme is read with the WHATWG URL parser, the one browsers use, so tricks such as
 * " JaVa\tScript:" are seen exactly as a browser would see them.
 */

/** The schemes a link in a digest may use. */
export const ALLOWED_URL_SCHEMES = ['http:', 'https:', 'mailto:'] as const;

/** The scheme a browser would give `url` ("javascript:"), or undefined for a relative address. */
export function urlScheme(url: string): string | undefined {
  return URL.canParse(url) ? new URL(url).protocol : undefined;
}

/** True when a link to `url` can only lead to a web page, a mail address or a page of this site. */
export function isAllowedLink(url: string): boolean {
  const scheme = urlScheme(url);
  return scheme === undefined || (ALLOWED_URL_SCHEMES as readonly string[]).includes(scheme);
}

/** True when `url` is a complete http or https address, as a report's address must be. */
export function isWebAddress(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const { protocol } = new URL(url);
  return protocol === 'http:' || protocol === 'https:';
}
