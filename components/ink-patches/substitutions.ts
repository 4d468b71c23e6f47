// Which of Ink's imports our patches replace. One table for the two places that swap them
// in: scripts/bundle-tui.js (the TUI bundle users run) and vitest.config.ts (the component
// tests), so the tests render with the same Ink users get. A patch is swapped in only where
// Ink's own build/ files import it; everything else keeps the real module.

/** What a file in ink/build/ imports → the patch in this folder (no extension). */
export const INK_PATCHES: Readonly<Record<string, string>> = {
  './output.js': 'output',
  './measure-text.js': 'measure-text',
  'widest-line': 'widest-line',
  'is-in-ci': 'in-ci',
};

const INK_BUILD = /[\\/]node_modules[\\/]ink[\\/]build[\\/]/;

/** The patch for `id` when `importer` is one of Ink's build files, else undefined. */
export function inkPatchFor(id: string, importer: string | undefined): string | undefined {
  if (!importer || !INK_BUILD.test(importer) || !Object.hasOwn(INK_PATCHES, id)) return undefined;
  return INK_PATCHES[id];
}
