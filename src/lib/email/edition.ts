/**
 * What both email endpoints share: the digests that get an edition, as routes, and a digest's feed
 * rendering (rendered once per build by feed-entries.ts) with the configured unsubscribe link.
 */
import { getContent, type Digest } from '../content/digests.ts';
import { feedDigests, type ArticleRenderer } from '../feeds/feed-entries.ts';
import type { FeedDigest } from '../feeds/feeds.ts';
import { emailedDigests } from './emailed-digests.ts';
import type { EmailEditionOptions } from './html.ts';
import { emailEditionKey } from '../content/page-cache-keys.ts';
import { emailSettings } from './settings.ts';

/** One route per digest that gets an email edition (emailedDigests). */
export async function emailRoutes(): Promise<
  { params: { id: string }; props: { digest: Digest }; cacheKey: string }[]
> {
  const content = await getContent();
  const { unsubscribeUrl } = emailSettings(process.env);
  return emailedDigests(content.digests, process.env.EMAIL_DIGESTS).map((digest) => ({
    params: { id: digest.id },
    props: { digest },
    cacheKey: emailEditionKey(content, digest, unsubscribeUrl),
  }));
}

/** The digest as the feed renders it, and the options its email edition is built with. */
export async function emailEditionInput(
  digest: Digest,
  site: URL,
  render: ArticleRenderer,
): Promise<{ entry: FeedDigest; options: EmailEditionOptions }> {
  const [entry] = await feedDigests([digest], site, render);
  if (!entry) throw new Error(`No feed rendering for digest "${digest.id}"`);
  // Read when the site is built: the footer's unsubscribe link is baked into the edition.
  return { entry, options: { site, unsubscribeUrl: emailSettings(process.env).unsubscribeUrl } };
}
