// @ts-check
// First: a SITE_URL the site cannot be built for stops `astro build` and `astro dev` here, in one line.
import './src/lib/site/check-environment.ts';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { siteUrl } from './src/lib/site/site.ts';
import { basePath } from './src/lib/site/urls.ts';
import { contentPolicyPlugin } from './src/lib/content/mdx-policy-plugin.ts';
import { shareImageFiles } from './src/lib/cards/share-image-files.ts';
import { verifiedAstroCache } from './src/lib/site/astro-cache.ts';
import { regularContentFiles } from './src/lib/content/regular-files.ts';
import { IMAGE_PIXEL_LIMIT } from './src/lib/content/images.ts';

/**
 * What contributors see in `astro dev` only: drafts, and a page listing every share card.
 * @returns {import('astro').AstroIntegration}
 */
function devPreview() {
  return {
    name: 'dev-preview',
    hooks: {
      'astro:config:setup': ({ command, injectRoute, updateConfig }) => {
        if (command !== 'dev') return;
        injectRoute({ pattern: '/dev/cards', entrypoint: './src/dev/CardPreview.astro' });
        updateConfig({ vite: { define: { 'import.meta.env.PREVIEW_DRAFTS': 'true' } } });
      },
    },
  };
}

/**
 * Drops one known, harmless bundler warning: Astro marks every MDX entry with the directive
 * "use astro:head-inject", and Rolldown warns about each one (withastro/astro#18087), which at
 * 1,000 digests buried the build log under ~10,000 lines. Every other warning is shown.
 * @type {NonNullable<NonNullable<import('vite').BuildOptions['rolldownOptions']>['onwarn']>}
 */
function quietHeadInjectDirective(warning, warn) {
  if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use astro:head-inject"')) return;
  warn(warning);
}

export default defineConfig({
  // SITE_URL may carry a path (a GitHub Pages project site, https://OWNER.github.io/REPO/): it is
  // the base every page, asset and link lives under (src/lib/site/urls.ts builds the links).
  site: siteUrl(),
  base: basePath,
  // Astro's caches (its data store and the incremental build's pages) live beside the card cache
  // in .cache/, which CI keeps between runs: `npm ci` deletes node_modules, Astro's default place.
  cacheDir: './.cache/astro',
  trailingSlash: 'always',
  // Smart punctuation turns "--" into an en dash and quotes into Latin curly quotes; Chinese
  // text carries its own punctuation (——, “”), so it must pass through untouched.
  // The content policy runs before any digest is compiled: a digest is text, never code.
  markdown: {
    processor: satteri({ features: { smartPunctuation: false }, mdastPlugins: [contentPolicyPlugin()] }),
  },
  // First: nothing is read from src/content/ or public/ while either holds a symbolic link.
  // Then nothing from the cache above that is not what the last build left there.
  integrations: [
    regularContentFiles(),
    verifiedAstroCache(),
    mdx(),
    sitemap({ filter: (page) => !page.includes('/404') }),
    devPreview(),
    shareImageFiles(),
  ],
  // A digest's images (src/lib/content/images.ts) go through astro:assets: resized, modern
  // formats, width, height and srcset. No remote image is ever fetched, so the CSP says
  // img-src 'self'. Sizing styles come from the site's own CSS file, never inline.
  image: {
    layout: 'constrained',
    responsiveStyles: false,
    service: { entrypoint: 'astro/assets/services/sharp', config: { limitInputPixels: IMAGE_PIXEL_LIMIT } },
  },
  devToolbar: { enabled: false },
  // Every page's CSS is a file, never an inline <style>, so the Content-Security-Policy each page
  // carries (src/lib/site/csp.ts) can allow styles from this site only, with no hashes to keep in step.
  // Pages are rendered 8 at a time: while one waits on a file or a card, the next renders (an
  // unchanged rebuild of 1,000 digests spent 58 s rendering one at a time, 33-37 s at 4 to 16).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 8 },
  vite: { build: { rolldownOptions: { onwarn: quietHeadInjectDirective } } },
  // Pages whose route gives a cache key (src/lib/content/page-cache-keys.ts) are copied from the last
  // build when neither their data nor their code changed: the digest, figure and email pages,
  // 8,856 of the ~9,000 files a build writes at 1,000 digests.
  // No experimental.parallelPrerender: each render worker loads the whole site again. At 1,000
  // digests 3 workers took the Astro process from ~1.0 GB to ~1.9 GB, over the 1.5 GB budget,
  // and neither 3 workers nor the default (one worker on 2 cores) was reliably faster here
  // (docs/performance.md).
  experimental: { incrementalBuild: true },
});
