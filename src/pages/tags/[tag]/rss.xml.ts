import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { tagRoutes } from '../../../lib/content/digests.ts';
import { contentFeeds } from '../../../lib/feeds/content-feeds.ts';
import { feedDigests } from '../../../lib/feeds/feed-entries.ts';
import { rssDocument, rssResponse } from '../../../lib/feeds/rss-document.ts';
import { renderFeedArticle } from '../../../components/render-feed-article.ts';

export const getStaticPaths = tagRoutes satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ site, props }) => {
  const { tag, digests } = props;
  const feed = (await contentFeeds()).tags.find((candidate) => candidate.tag.id === tag.id);
  if (!feed) throw new Error(`No feed for tag "${tag.id}" in the feed list`);
  const entries = await feedDigests(digests, site!, renderFeedArticle);
  return rssResponse(await rssDocument(feed, site!, entries));
};
