// A few DOM helpers: every text reaches the page through textContent, never as markup, so a
// token's fields (channel names, accounts) cannot inject anything.

type Child = Node | string | null | undefined | false;

/** An element with attributes and children. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

/** The element with this id; a missing one is a bug in the page, reported loudly. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (node === null) throw new Error(`playground: no element #${id}`);
  return node as T;
}

/** Replaces an element's children. */
export function fill(parent: HTMLElement, ...children: Child[]): void {
  parent.replaceChildren();
  for (const child of children) if (child !== null && child !== undefined && child !== false) parent.append(child);
}
