/**
 * One element of a small captured subtree (a header or one `ResponseRecord`), by local name only: prefixes and
 * namespace URIs differ between schema versions (1.26.1, 1.28.1 …) and vendors, the element names do not.
 */
export interface XmlNode {
  /** Local name as written, e.g. `iMSI`. */
  readonly localName: string
  /** Local name in lower case, for matching: vendors disagree on the case of the first letter. */
  readonly name: string
  readonly children: readonly XmlNode[]
  /** Text directly inside this element (not its children's). */
  readonly text: string
}

/** First direct child with one of the given local names (any case). */
export function child(node: XmlNode | null, ...names: readonly string[]): XmlNode | null {
  if (node === null) return null
  const wanted = names.map((name) => name.toLowerCase())
  return node.children.find((c) => wanted.includes(c.name)) ?? null
}

/** Follows `a/b/c` through direct children. */
export function path(node: XmlNode | null, steps: string): XmlNode | null {
  let current = node
  for (const step of steps.split('/')) current = child(current, step)
  return current
}

/** First element below `node` (depth first) with one of the given local names. */
export function descendant(node: XmlNode | null, ...names: readonly string[]): XmlNode | null {
  if (node === null) return null
  const wanted = names.map((name) => name.toLowerCase())
  const stack = [...node.children].reverse()
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (wanted.includes(next.name)) return next
    stack.push(...[...next.children].reverse())
  }
  return null
}

/** Every element below `node` with the given local name, not looking inside a match. */
export function descendants(node: XmlNode | null, name: string): XmlNode[] {
  if (node === null) return []
  const wanted = name.toLowerCase()
  const found: XmlNode[] = []
  const visit = (n: XmlNode): void => {
    for (const c of n.children) {
      if (c.name === wanted) found.push(c)
      else visit(c)
    }
  }
  visit(node)
  return found
}

/** All text inside the element, trimmed; `null` when there is none. */
export function textOf(node: XmlNode | null): string | null {
  if (node === null) return null
  const text = deepText(node).trim()
  return text === '' ? null : text
}

/**
 * The value of an enumeration or choice element: its text, or else the name of its first child, since XER writes
 * `<partyRole><originating-Party/></partyRole>`.
 */
export function choiceOf(node: XmlNode | null): string | null {
  if (node === null) return null
  return textOf(node) ?? node.children[0]?.localName ?? null
}

function deepText(node: XmlNode): string {
  return node.children.length === 0 ? node.text : node.text + node.children.map(deepText).join('')
}

/** Whether any element below `node` passes `test`. */
export function hasDescendant(node: XmlNode | null, test: (n: XmlNode) => boolean): boolean {
  return node !== null && node.children.some((c) => test(c) || hasDescendant(c, test))
}
