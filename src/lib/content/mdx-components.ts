/**
 * The components a digest may use without importing them, with the attributes each accepts.
 * The component map in src/components/mdx/index.ts is typed against these names, so the two
 * cannot drift apart; the content policy checks every use against the attributes listed here.
 */
export const MDX_COMPONENTS = {
  /** A view the report quotes: `<Viewpoint who="安晖" role="…">…</Viewpoint>`. */
  Viewpoint: { required: ['who'], optional: ['role'] },
  /** Our own remark on the report: `<EditorNote>…</EditorNote>`. */
  EditorNote: { required: [], optional: [] },
} as const satisfies Record<string, { required: readonly string[]; optional: readonly string[] }>;

export type MdxComponentName = keyof typeof MDX_COMPONENTS;

export const MDX_COMPONENT_NAMES = Object.keys(MDX_COMPONENTS) as MdxComponentName[];
