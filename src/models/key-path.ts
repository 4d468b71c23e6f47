// Reading and writing nested values by a list of keys (`['providers', 'ollama', 'baseURL']`).
// Own properties only, and written with defineProperty, so a key such as `__proto__` is
// stored as plain data and never reaches an object's prototype.

export type Tree = Record<string, unknown>;

export function isTree(value: unknown): value is Tree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function getAt(tree: Tree, keys: readonly string[]): unknown {
  let node: unknown = tree;
  for (const key of keys) {
    if (!isTree(node) || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

/** Creates the groups on the way, replacing a value that is in the way with a group. */
export function setAt(tree: Tree, keys: readonly string[], value: unknown): void {
  let node = tree;
  for (const key of keys.slice(0, -1)) {
    const next = Object.hasOwn(node, key) ? node[key] : undefined;
    if (isTree(next)) node = next;
    else {
      const group: Tree = {};
      define(node, key, group);
      node = group;
    }
  }
  define(node, keys.at(-1)!, value);
}

/** Removes the value, then every group the removal left empty. */
export function deleteAt(tree: Tree, keys: readonly string[]): void {
  for (let depth = keys.length; depth > 0; depth--) {
    const parent = depth === 1 ? tree : getAt(tree, keys.slice(0, depth - 1));
    if (!isTree(parent)) return;
    delete parent[keys[depth - 1]!];
    if (Object.keys(parent).length > 0) return;
  }
}

function define(node: Tree, key: string, value: unknown): void {
  Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
}
