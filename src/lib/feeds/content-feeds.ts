/** The site's feed list for the published content: tags ranked as /tags/ ranks them, busiest first. */
import { byDigestCount, countByTag } from '../content/collection.ts';
import { getContent } from '../content/digests.ts';
import { siteFeeds, type FeedList } from './feed-list.ts';

export async function contentFeeds(): Promise<FeedList> {
  const { digests, tags } = await getContent();
  const counts = countByTag(
    tags.map((tag) => tag.id),
    digests,
  );
  return siteFeeds(
    digests.length,
    byDigestCount(tags, counts).map((tag) => ({
      id: tag.id,
      name: tag.data.name,
      description: tag.data.description,
      digests: counts.get(tag.id) ?? 0,
    })),
  );
}
