/**
 * The names of the components a digest may use without importing them. The component map in
 * src/components/mdx/index.ts is typed against this list, so the two cannot drift apart.
 */
export const MDX_COMPONENT_NAMES = ['Viewpoint', 'EditorNote'] as const;

export type MdxComponentName = (typeof MDX_COMPONENT_NAMES)[number];
