interface ImportMetaEnv {
  /** True in `astro dev` only (see astro.config.mjs): drafts are shown for preview. */
  readonly PREVIEW_DRAFTS?: true;
  /** Set in `astro build` by share-image-files.ts: the build links the images, no route serves them. */
  readonly SHARE_IMAGES_LINKED?: true;
}
