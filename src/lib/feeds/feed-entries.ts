/**
 * Turns each published digest, once per build, into feed-ready data: its article as HTML (drawn
 * by the `ArticleRenderer` the route passes in, since src/lib never imports components), made
 * absolute for readers, and its share card, whose byte size the RSS enclosure must state.
 */
import { getContent, tagOf, type Content, type Digest, type EnglishDigest } from '../content/digests.ts';
import { drawCard } from '../cards/card-files.ts';
import { prepareFeedHtml } from './feed-html.ts';
import { feedWindow, type FeedDigest, type FeedImage } from './feeds.ts';
import { digestShareCard, englishDigestShareCard } from '../cards/share-cards.ts';
import { absoluteUrl, digestPath, englishDigestPath } from '../site/urls.ts';

/**
 * What a feed article shows; src/components/FeedArticle.astro renders it. A type, not an
 * interface: the Container API takes props with an index signature, which only a type alias has.
 */
export type ArticleInput = {
  digest: Digest;
  tagNames: readonly string[];
  image: FeedImage;
};

/** Renders a digest's feed article to HTML (src/components/render-feed-article.ts is the one). */
export type ArticleRenderer = (input: ArticleInput) => Promise<string>;

const rendered = new Map<string, Promise<FeedDigest>>();

async function feedDigest(digest: Digest, content: Content, site: URL, render: ArticleRenderer): Promise<FeedDigest> {
  const tagNames = digest.data.tags.map((id) => tagOf(content, id).data.name);
  const card = digestShareCard(digest);
  const { path, alt, width, height } = card;
  const image: FeedImage = { path, alt, width, height, bytes: (await drawCard(card)).byteLength };
  const html = await render({ digest, tagNames, image });
  const { title, description, pubDate, updatedDate } = digest.data;
  return {
    id: digest.id,
    title,
    description,
    pubDate,
    updatedDate,
    tags: tagNames,
    image,
    contentHtml: prepareFeedHtml(html, absoluteUrl(digestPath(digest.id), site)),
  };
}

/**
 * Feed data for the digests a feed carries: the newest FEED_ITEM_LIMIT of `digests` (published,
 * newest first). Only those are rendered, each once per build whichever feeds carry it.
 */
export async function feedDigests(
  digests: readonly Digest[],
  site: URL,
  render: ArticleRenderer,
): Promise<FeedDigest[]> {
  const content = await getContent();
  return Promise.all(
    feedWindow(digests).map((digest) => {
      let entry = rendered.get(digest.id);
      if (!entry) {
        entry = feedDigest(digest, content, site, render);
        rendered.set(digest.id, entry);
      }
      return entry;
    }),
  );
}

/** What an English feed article shows; src/components/en/EnglishFeedArticle.astro renders it. */
export type EnglishArticleInput = {
  english: EnglishDigest;
  image: FeedImage;
};

/** Renders an English digest's feed article to HTML (render-feed-article.ts). */
export type EnglishArticleRenderer = (input: EnglishArticleInput) => Promise<string>;

const renderedEnglish = new Map<string, Promise<FeedDigest>>();

async function englishFeedDigest(
  english: EnglishDigest,
  site: URL,
  render: EnglishArticleRenderer,
): Promise<FeedDigest> {
  const card = englishDigestShareCard(english);
  const { path, alt, width, height } = card;
  const image: FeedImage = { path, alt, width, height, bytes: (await drawCard(card)).byteLength };
  const html = await render({ english, image });
  const { title, description, pubDate, updatedDate } = english.data;
  const page = englishDigestPath(english.id);
  return {
    id: english.id,
    path: page,
    title,
    description,
    pubDate,
    updatedDate,
    // Tag names are Chinese words of the shared vocabulary; an English feed carries none.
    tags: [],
    image,
    contentHtml: prepareFeedHtml(html, absoluteUrl(page, site)),
  };
}

/** Feed data for the English feeds: the newest FEED_ITEM_LIMIT English digests, each rendered once. */
export function englishFeedDigests(
  english: readonly EnglishDigest[],
  site: URL,
  render: EnglishArticleRenderer,
): Promise<FeedDigest[]> {
  return Promise.all(
    feedWindow(english).map((entry) => {
      let item = renderedEnglish.get(entry.id);
      if (!item) {
        item = englishFeedDigest(entry, site, render);
        renderedEnglish.set(entry.id, item);
      }
      return item;
    }),
  );
}
