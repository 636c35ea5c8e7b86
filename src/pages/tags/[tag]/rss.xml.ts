import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { tagRoutes } from '../../../lib/content/digests.ts';
import { feedDigests } from '../../../lib/feeds/feed-entries.ts';
import { renderFeedArticle } from '../../../components/render-feed-article.ts';
import { RSS_NAMESPACES, rssChannelExtras, rssItem } from '../../../lib/feeds/feeds.ts';
import { SITE } from '../../../lib/site/site.ts';
import { rssStylesheetPath, tagFeedPath, tagPath } from '../../../lib/site/urls.ts';

export const getStaticPaths = tagRoutes satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ site, props }) => {
  const { tag, digests } = props;
  const entries = await feedDigests(digests, site!, renderFeedArticle);
  return rss({
    title: `${SITE.name} · ${tag.data.name}`,
    description: tag.data.description,
    site: new URL(tagPath(tag.id), site!),
    xmlns: RSS_NAMESPACES,
    stylesheet: rssStylesheetPath,
    customData: rssChannelExtras(tagFeedPath(tag.id), site!, entries),
    items: entries.map((entry) => rssItem(entry, site!)),
  });
};
