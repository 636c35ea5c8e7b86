/** A digest's email edition for mailing services: HTML with every style inline (src/lib/email/html.ts). */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { emailEditionInput, emailRoutes } from '../../lib/email/edition.ts';
import { renderFeedArticle } from '../../components/render-feed-article.ts';
import { emailHtml } from '../../lib/email/html.ts';

export const getStaticPaths = (() => emailRoutes()) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props, site }) => {
  const { entry, options } = await emailEditionInput(props.digest, site!, renderFeedArticle);
  return new Response(emailHtml(entry, options), { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
};
