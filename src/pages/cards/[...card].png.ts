import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { drawableShareCards, drawCard } from '../../lib/cards/card-files.ts';
import { getContent } from '../../lib/content/digests.ts';
import { pathInSite } from '../../lib/site/urls.ts';

export const getStaticPaths = (async () => {
  // getStaticPaths has no `site` argument; import.meta.env.SITE is Astro's `site` setting.
  const { digests, metrics, english } = await getContent();
  const cards = await drawableShareCards(digests, metrics, import.meta.env.SITE, english);
  // Listing them starts drawing every one the cache lacks. A build then publishes them from the
  // cache (share-images.json.ts) rather than as one route each; `astro dev` serves them here.
  if (import.meta.env.SHARE_IMAGES_LINKED) return [];
  return cards.map((shareCard) => ({
    params: {
      card: pathInSite(shareCard.path)
        .replace(/^\/cards\//, '')
        .replace(/\.png$/, ''),
    },
    props: { shareCard },
  }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props }) => {
  const png = await drawCard(props.shareCard);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
