/**
 * Renders each published digest once per build into feed-ready HTML, with the MDX components
 * the page uses (the Container API; a Markdown-only renderer could not run them), and attaches
 * its share card, whose byte size the RSS enclosure must state.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import FeedArticle from '../../components/FeedArticle.astro';
import { getContent, tagOf, type Content, type Digest } from '../content/digests.ts';
import { drawCard } from '../cards/card-files.ts';
import { prepareFeedHtml } from './feed-html.ts';
import { feedWindow, type FeedDigest, type FeedImage } from './feeds.ts';
import { digestShareCard } from '../cards/share-cards.ts';
import { absoluteUrl, digestPath } from '../site/urls.ts';

let container: Promise<AstroContainer> | undefined;
const rendered = new Map<string, Promise<FeedDigest>>();

async function feedDigest(digest: Digest, content: Content, site: URL): Promise<FeedDigest> {
  container ??= loadRenderers([getContainerRenderer()]).then((renderers) => AstroContainer.create({ renderers }));
  const tagNames = digest.data.tags.map((id) => tagOf(content, id).data.name);
  const card = digestShareCard(digest);
  const { path, alt, width, height } = card;
  const image: FeedImage = { path, alt, width, height, bytes: (await drawCard(card)).byteLength };
  const html = await (await container).renderToString(FeedArticle, { props: { digest, tagNames, image } });
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
export async function feedDigests(digests: readonly Digest[], site: URL): Promise<FeedDigest[]> {
  const content = await getContent();
  return Promise.all(
    feedWindow(digests).map((digest) => {
      let entry = rendered.get(digest.id);
      if (!entry) {
        entry = feedDigest(digest, content, site);
        rendered.set(digest.id, entry);
      }
      return entry;
    }),
  );
}
