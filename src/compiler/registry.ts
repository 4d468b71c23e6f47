// Which element names are actions: the built-ins plus custom actions, each also
// reachable by its kebab-case spelling (`<gen-text>` is `<GenText>`).
import { BUILTIN_ACTION_SPECS, type ActionSpec } from './action-specs.js';

export interface ActionRegistry {
  specs: ReadonlyMap<string, ActionSpec>;
  /** kebab-case spelling -> canonical name */
  kebab: ReadonlyMap<string, string>;
}

export function buildRegistry(custom: Record<string, ActionSpec> | undefined): ActionRegistry {
  const specs = new Map<string, ActionSpec>(Object.entries(BUILTIN_ACTION_SPECS));
  for (const [name, spec] of Object.entries(custom ?? {})) specs.set(name, spec);
  const kebab = new Map<string, string>();
  for (const name of specs.keys()) kebab.set(toKebab(name), name);
  return { specs, kebab };
}

export function toKebab(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}

export function isCapitalised(name: string): boolean {
  const first = name.charCodeAt(0);
  return first >= 65 && first <= 90;
}

/**
 * The canonical action an element names, or null when the element is plain text.
 * A kebab-case spelling without a hyphen (`<loop>`, `<cond>`, `<search>`) is also an
 * ordinary lower-case word that prompts use as XML-style tags, so it only counts as the
 * action when it carries an `as` attribute; `<gen-text>` always counts.
 */
export function actionName(
  name: string | null | undefined,
  hasAs: boolean,
  registry: ActionRegistry,
): string | null {
  if (!name) return null;
  if (registry.specs.has(name)) return name;
  const canonical = registry.kebab.get(name);
  if (canonical === undefined) return null;
  if (!name.includes('-') && !hasAs) return null;
  return canonical;
}
