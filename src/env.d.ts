interface ImportMetaEnv {
  /** True in `astro dev` only (see astro.config.mjs): drafts are shown for preview. */
  readonly PREVIEW_DRAFTS?: true;
}
