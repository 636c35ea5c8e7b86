/**
 * The feed's rendering of a digest: FeedArticle.astro with the MDX components the page uses,
 * rendered to a string by the Container API (a Markdown-only renderer could not run them). It
 * lives beside the component because src/lib never imports components; feeds and the email
 * edition receive it as their `ArticleRenderer`.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import FeedArticle from './FeedArticle.astro';
import EnglishFeedArticle from './en/EnglishFeedArticle.astro';
import type { ArticleRenderer, EnglishArticleRenderer } from '../lib/feeds/feed-entries.ts';

let container: Promise<AstroContainer> | undefined;

/** One container per build, for both editions' articles. */
function feedContainer(): Promise<AstroContainer> {
  container ??= loadRenderers([getContainerRenderer()]).then((renderers) => AstroContainer.create({ renderers }));
  return container;
}

/** FeedArticle.astro as HTML. */
export const renderFeedArticle: ArticleRenderer = async (props) =>
  (await feedContainer()).renderToString(FeedArticle, { props });

/** EnglishFeedArticle.astro as HTML: the English feeds' article. */
export const renderEnglishFeedArticle: EnglishArticleRenderer = async (props) =>
  (await feedContainer()).renderToString(EnglishFeedArticle, { props });
