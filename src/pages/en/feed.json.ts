import type { APIRoute } from 'astro';
import { getContent } from '../../lib/content/digests.ts';
import { englishFeedDigests } from '../../lib/feeds/feed-entries.ts';
import { renderEnglishFeedArticle } from '../../components/render-feed-article.ts';
import { jsonFeed } from '../../lib/feeds/feeds.ts';
import { websubHub } from '../../lib/feeds/hub.ts';
import { SITE_EN } from '../../lib/site/site.ts';
import { englishHomePath, englishJsonFeedPath } from '../../lib/site/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const { english } = await getContent();
  const body = jsonFeed({
    title: SITE_EN.name,
    description: SITE_EN.description,
    feedPath: englishJsonFeedPath,
    site: site!,
    digests: await englishFeedDigests(english, site!, renderEnglishFeedArticle),
    edition: { language: SITE_EN.lang, homePath: englishHomePath },
    hub: websubHub(),
  });
  return new Response(body, { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
};
