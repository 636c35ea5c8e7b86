import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { drawableShareCards, serveCard } from '../../lib/card-files.ts';
import { getContent } from '../../lib/digests.ts';

export const getStaticPaths = (async () => {
  // getStaticPaths has no `site` argument; import.meta.env.SITE is Astro's `site` setting.
  const { digests, metrics } = await getContent();
  const cards = await drawableShareCards(digests, metrics, import.meta.env.SITE);
  return cards.map((shareCard) => ({
    params: { card: shareCard.path.replace(/^\/cards\//, '').replace(/\.png$/, '') },
    props: { shareCard },
  }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props }) => {
  const png = await serveCard(props.shareCard);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
