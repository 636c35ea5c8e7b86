/**
 * Finding the elements a browser script cannot work without. A page that lacks one is a build
 * mistake, not a reader's: the script stops at once with a message naming the element, instead
 * of failing later on `null` somewhere far from the cause. Browser-safe: no Node imports.
 */

/** A DOM element class such as HTMLFormElement, as the page's own window defines it. */
type ElementClass<T extends Element> = abstract new (...args: never[]) => T;

/**
 * The element matching `selector` in `root` (the page by default), which must be an instance of
 * `type`; throws an Error naming both when it is missing or of another kind.
 */
export function required<T extends Element>(selector: string, type: ElementClass<T>, root: ParentNode = document): T {
  const element = root.querySelector(selector);
  if (element instanceof type) return element;
  const found = element ? `一个 <${element.tagName.toLowerCase()}>` : '没有这个元素';
  throw new Error(`页面缺少 ${selector}（应为：${type.name}，实际是${found}）`);
}
