import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { cardSummary, drawableShareCards, drawCard } from '../../lib/card-files.ts';
import { getContent } from '../../lib/digests.ts';

let cardsToServe = 0;

export const getStaticPaths = (async () => {
  const { digests, metrics } = await getContent();
  const cards = await drawableShareCards(digests, metrics);
  cardsToServe = cards.length;
  return cards.map((shareCard) => ({
    params: { card: shareCard.path.replace(/^\/cards\//, '').replace(/\.png$/, '') },
    props: { shareCard },
  }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props }) => {
  const png = await drawCard(props.shareCard);
  cardsToServe -= 1;
  // The last card written: say how much work the cache saved (a rebuild should draw none).
  if (cardsToServe === 0) console.log(`\n${cardSummary()}`);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
