/**
 * The Content-Security-Policy every page carries as a meta tag. A page may load its own CSS and
 * images and fetch its own origin's files, and nothing else: no script of any kind, no frames,
 * no plugins, no form posted elsewhere, no <base> that would redirect its links. A page that
 * truly needs a script names exactly what it loads, and only that page gets it.
 */

/** What a page needs beyond the default; every page without this gets no script at all. */
export interface PageScripts {
  /** Script sources, e.g. ["'self'"] for the site's own files. */
  scripts: readonly string[];
  /** Where its scripts may fetch from; the site's own origin unless named. */
  connect?: readonly string[];
  /** Whether its scripts compile WebAssembly. */
  wasm?: boolean;
}

/** The policy for a page: script-src 'none' unless the page names what it runs. */
export function contentSecurityPolicy(page?: PageScripts): string {
  const scriptSources = page ? [...page.scripts, ...(page.wasm ? ["'wasm-unsafe-eval'"] : [])] : ["'none'"];
  const directives: [string, ...string[]][] = [
    ['default-src', "'none'"],
    ['script-src', ...scriptSources],
    ['style-src', "'self'"],
    // A digest shows local images only (src/lib/content/images.ts): no page loads one from elsewhere.
    ['img-src', "'self'"],
    // Fetching the page's own origin is allowed everywhere: tools that read a site through a
    // page (Lighthouse fetches /robots.txt and /llms.txt as the page would) are refused under
    // default-src 'none', though crawlers read them directly. It gives no script to any page:
    // connect-src only governs what a script may fetch, and script-src stays 'none'.
    ['connect-src', ...(page?.connect ?? ["'self'"])],
    ['manifest-src', "'self'"],
    ['base-uri', "'none'"],
    ['form-action', "'self'"],
  ];
  return directives.map((directive) => directive.join(' ')).join('; ');
}

/** What the search pages run: their own module, and Pagefind's loader with its WebAssembly and index. */
export const SEARCH_SCRIPTS: PageScripts = { scripts: ["'self'"], connect: ["'self'"], wasm: true };
