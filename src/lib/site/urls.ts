/**
 * The one place that knows every URL of the site. Pages, feeds, cards and meta tags all build
 * links here, so a link can never point at a route that is written somewhere else. Every path
 * starts with the site's base path (SITE_URL's path: "/" at a host's root, "/REPO/" on a GitHub
 * Pages project site), so a reader under a sub-path never meets a link that leaves it.
 */
import { siteUrl } from './site.ts';

/** Where the site lives on its host, ending in "/": Astro's `base` (astro.config.mjs). */
export const basePath = new URL(siteUrl()).pathname;

/** A route of the site, written without its leading "/", as the path a link points at. */
const at = (route: string) => `${basePath}${route}`;

/**
 * The place of a site path inside the built site ("/cards/a.png" for "/REPO/cards/a.png"), for
 * code that writes or reads files in dist/. Refuses a path outside the site.
 */
export function pathInSite(path: string): string {
  if (!path.startsWith(basePath)) throw new Error(`"${path}" is not a path of the site under "${basePath}"`);
  return `/${path.slice(basePath.length)}`;
}

/** A digest's page. */
export const digestPath = (digestId: string) => at(`digests/${digestId}/`);

/** The anchor id of a figure inside its digest page. */
export const figureAnchorId = (figureId: string) => `figure-${figureId}`;

/** A figure's place in its digest page. */
export const figureInDigestPath = (digestId: string, figureId: string) =>
  `${digestPath(digestId)}#${figureAnchorId(figureId)}`;

/** A figure's own page (the permalink a reader shares). */
export const figurePath = (digestId: string, figureId: string) => `${digestPath(digestId)}figures/${figureId}/`;

export const homePath = at('');
export const archivePath = at('archive/');
export const tagsPath = at('tags/');
export const figuresIndexPath = at('figures/');
export const aboutPath = at('about/');

/** A tag's page: its first page of digests. */
export const tagPath = (tagId: string) => `${tagsPath}${tagId}/`;

/**
 * Page `page` (from 1) of a tag's digests. Page 1 is the tag's own page, never `/tags/<tag>/1/`;
 * the tag page route (`tags/[tag]/[...page].astro`, Astro's paginate) writes the others here.
 */
export const tagPagePath = (tagId: string, page: number) => (page === 1 ? tagPath(tagId) : `${tagPath(tagId)}${page}/`);

/** One year of the archive. */
export const archiveYearPath = (year: number) => `${archivePath}${year}/`;

/** A metric's own page: every figure that reports it, compared across reports. */
export const metricPath = (metricId: string) => `${figuresIndexPath}${metricId}/`;

/**
 * The anchor of a metric's summary on the figures index. Links made before metrics had pages of
 * their own point at `/figures/#metric-<id>`; they still land on that metric.
 */
export const metricAnchorId = (metricId: string) => `metric-${metricId}`;

/**
 * Turns a site path (from this module, so it carries the base path) into an absolute URL on the
 * deployed site `site` (Astro's `site`, SITE_URL).
 */
export function absoluteUrl(path: string, site: URL | string): string {
  return new URL(path, site).href;
}

/** Every published figure as data: JSON, the JSON Schema it follows, and CSV (UTF-8 with a BOM). */
export const figuresJsonPath = at('data/figures.json');
export const figuresSchemaPath = at('data/figures.schema.json');
export const figuresCsvPath = at('data/figures.csv');

/** The index of the site for language-model agents (llmstxt.org): a Markdown file at the root. */
export const llmsTxtPath = at('llms.txt');

/** The site-wide RSS feed, JSON Feed and a tag's own RSS feed. */
export const rssPath = at('rss.xml');
export const jsonFeedPath = at('feed.json');
export const tagFeedPath = (tagId: string) => `${tagPath(tagId)}rss.xml`;

/** The page that explains how to subscribe, with every feed's address: the header's 订阅 link. */
export const subscribePath = at('subscribe/');

/** Every RSS feed of the site in one OPML file, for readers that import a bundle of feeds. */
export const feedsOpmlPath = at('feeds.opml');

/**
 * The CSS stylesheet the RSS feeds name, so a feed opened in a browser reads as a page rather
 * than raw XML. CSS, not XSLT: browsers are removing XSLT, and none plans to drop CSS for XML.
 */
export const feedStylesheetPath = at('feed.css');

/** A digest's share card, the site's card, and a figure's card (PNG, 1200x630). */
export const digestCardPath = (digestId: string) => at(`cards/${digestId}.png`);
export const siteCardPath = at('cards/site.png');
export const figureCardPath = (digestId: string, figureId: string) => at(`cards/${digestId}/${figureId}.png`);
/** A metric's comparison card, the og:image of its page; "figures/" mirrors the page's own path. */
export const metricCardPath = (metricId: string) => at(`cards/figures/${metricId}.png`);

/** A digest's share poster and a featured figure's (PNG, 1080 wide, with a QR code of the page). */
export const digestPosterPath = (digestId: string) => at(`posters/${digestId}.png`);
export const figurePosterPath = (digestId: string, figureId: string) => at(`posters/${digestId}/${figureId}.png`);

/**
 * Where Astro renders a digest's email editions, for editors to paste into a mailing service: the
 * HTML with every style inline, and its plain-text alternative. They are not part of the site:
 * scripts/build.ts moves the folder out of the output into EMAIL_EDITIONS_DIR before publishing.
 */
export const emailEditionsRoute = 'email';
export const emailHtmlPath = (digestId: string) => at(`${emailEditionsRoute}/${digestId}.html`);
export const emailTextPath = (digestId: string) => at(`${emailEditionsRoute}/${digestId}.txt`);

/** The folder beside dist/ that holds the last build's email editions, `<digest id>.html` and `.txt`. */
export const EMAIL_EDITIONS_DIR = 'email-editions';

/** The search page; `?q=` carries the query, so a search is a link a reader can share. */
export const searchPath = at('search/');

/** Where the build writes Pagefind's index and its loader, relative to the site root. */
export const pagefindDir = 'pagefind';

/** The Pagefind loader the search page imports in the browser. */
export const pagefindScriptPath = at(`${pagefindDir}/pagefind.js`);

/** The sitemap index (@astrojs/sitemap), which robots.txt and every page's head announce. */
export const sitemapPath = at('sitemap-index.xml');

/** The site's icon. */
export const faviconPath = at('favicon.svg');

/**
 * The English edition, under /en/: its home (the one English index, newest first, paged like a
 * tag: one list reads better than an archive and tag pages of one or two entries each), a page
 * per English digest, its feeds and search.
 */
export const englishHomePath = at('en/');
/** Page `page` (from 1) of the English home; page 1 is the home itself, never `/en/1/`. */
export const englishHomePagePath = (page: number) => (page === 1 ? englishHomePath : `${englishHomePath}${page}/`);
export const englishDigestPath = (digestId: string) => `${englishHomePath}digests/${digestId}/`;
export const englishFigureInDigestPath = (digestId: string, figureId: string) =>
  `${englishDigestPath(digestId)}#${figureAnchorId(figureId)}`;
export const englishRssPath = `${englishHomePath}rss.xml`;
export const englishJsonFeedPath = `${englishHomePath}feed.json`;
export const englishSearchPath = `${englishHomePath}search/`;

/** An English digest's share card (PNG, 1200x630), beside the Chinese cards. */
export const englishDigestCardPath = (digestId: string) => at(`cards/en/${digestId}.png`);
