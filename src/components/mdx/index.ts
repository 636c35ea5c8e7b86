/**
 * The components a digest may use without importing them. The digest page and the feeds pass
 * this same map, so a digest renders alike everywhere.
 */
import type { MdxComponentName } from '../../lib/content/mdx-components.ts';
import EditorNote from './EditorNote.astro';
import Viewpoint from './Viewpoint.astro';
import EnglishEditorNote from './en/EditorNote.astro';
import EnglishViewpoint from './en/Viewpoint.astro';

export const mdxComponents = { Viewpoint, EditorNote } satisfies Record<MdxComponentName, unknown>;

/** The same components for English editions: English headings and Latin punctuation. */
export const englishMdxComponents = { Viewpoint: EnglishViewpoint, EditorNote: EnglishEditorNote } satisfies Record<
  MdxComponentName,
  unknown
>;
