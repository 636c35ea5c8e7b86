/**
 * The components a digest may use without importing them. The digest page and the feeds pass
 * this same map, so a digest renders alike everywhere.
 */
import EditorNote from './EditorNote.astro';
import Viewpoint from './Viewpoint.astro';

export const mdxComponents = { Viewpoint, EditorNote };

/** Component names a digest may use, for the content check's "unknown component" message. */
export const MDX_COMPONENT_NAMES = Object.keys(mdxComponents);
