/** The plain-text alternative of a digest's email edition (src/lib/email/text.ts). */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { emailEditionInput, emailRoutes } from '../../lib/email/edition.ts';
import { renderFeedArticle } from '../../components/render-feed-article.ts';
import { emailText } from '../../lib/email/text.ts';

export const getStaticPaths = (() => emailRoutes()) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props, site }) => {
  const { entry, options } = await emailEditionInput(props.digest, site!, renderFeedArticle);
  return new Response(emailText(entry, options), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
