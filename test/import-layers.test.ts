// Every import points down: each room of src/ and components/ may import only the rooms on
// the floors below it, so no two rooms depend on each other and the engine never reaches
// the UI. Type-only imports count too: a type pulled up from a higher floor is the first
// step of a value following it. A new room, or a move between floors, changes FLOORS.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Top to bottom (bin/stepwise.js, above them all, only loads src/cli/main). Rooms on one
 * floor do not import each other. `base` is the leaf files directly in src/ (limits.ts,
 * json-size.ts): every floor reads them, and they import no room.
 */
const FLOORS: string[][] = [
  ['src/cli', 'src/index.ts'],
  ['components', 'src/library'],
  ['src/session'],
  ['src/runtime'],
  ['src/config'],
  ['src/actions'],
  ['src/tools'],
  ['src/models'],
  ['src/compiler'],
  ['src/sandbox'],
  ['base'],
];

/** The room of a file (a path from the project root), or null when it is in no room. */
function roomOf(path: string): string | null {
  const parts = path.split('/');
  if (parts[0] === 'components') return 'components';
  if (parts[0] !== 'src') return null;
  if (parts.length === 2) return parts[1] === 'index.ts' ? 'src/index.ts' : 'base';
  return `src/${parts[1]}`;
}

function floorOf(room: string): number {
  const floor = FLOORS.findIndex((rooms) => rooms.includes(room));
  if (floor < 0) throw new Error(`${room} is on no floor: add it to FLOORS in test/import-layers.test.ts`);
  return floor;
}

interface ImportLine {
  specifier: string;
  typeOnly: boolean;
}

/** Every module a file's text imports or re-exports: static, type-only and `import('...')`. */
function importsOf(text: string): ImportLine[] {
  const found: ImportLine[] = [];
  const statement = /^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
  const dynamic = /import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const match of text.matchAll(statement)) found.push({ specifier: match[2]!, typeOnly: Boolean(match[1]) });
  for (const match of text.matchAll(dynamic)) found.push({ specifier: match[1]!, typeOnly: false });
  return found;
}

/** The back-arrows among `files` (paths from the root, with their text): one line each, naming the file, the import and the rule it breaks. */
function backArrows(files: Array<{ path: string; text: string }>): string[] {
  const problems: string[] = [];
  for (const { path, text } of files) {
    const from = roomOf(path);
    if (!from) continue;
    for (const { specifier, typeOnly } of importsOf(text)) {
      if (!specifier.startsWith('.')) continue;
      const target = relative(root, resolve(root, dirname(path), specifier)).split('\\').join('/');
      const to = roomOf(target);
      if (!to || to === from) continue;
      if (floorOf(to) > floorOf(from)) continue;
      const rule = floorOf(to) === floorOf(from) ? `${from} and ${to} are on one floor and do not import each other` : `${from} is below ${to}: it may not import it`;
      problems.push(`${path} imports ${typeOnly ? 'type ' : ''}'${specifier}' (${to}): ${rule}; move what both need to a floor below ${from}`);
    }
  }
  return problems;
}

function sources(folder: string): Array<{ path: string; text: string }> {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.tsx?$/.test(name))
    .map((name) => {
      const path = `${folder}/${name.split('\\').join('/')}`;
      return { path, text: readFileSync(join(root, path), 'utf8') };
    });
}

describe('the direction of arrows', () => {
  it('no file under src/ or components/ imports a room on its own floor or above', () => {
    const files = [...sources('src'), ...sources('components')];
    expect(files.length).toBeGreaterThan(100);
    expect(backArrows(files)).toEqual([]);
  });

  it('names the file, the import and the rule of a back-arrow, type-only imports included', () => {
    const files = [
      { path: 'src/models/registry.ts', text: "import type { StepwiseConfig } from '../config/define.js';\n" },
      { path: 'src/runtime/walk.ts', text: "import { stepKey } from './step-key.js';\nexport { compile } from '../compiler/index.js';\n" },
      { path: 'components/problem-lines.ts', text: "import { codeFrame } from '../src/cli/code-frame.js';\n" },
      { path: 'src/library/run.ts', text: "const ui = await import('../../components/run-tui.js');\n" },
      { path: 'src/limits.ts', text: "import type { Workflow } from './compiler/types.js';\n" },
    ];
    expect(backArrows(files)).toEqual([
      "src/models/registry.ts imports type '../config/define.js' (src/config): src/models is below src/config: it may not import it; move what both need to a floor below src/models",
      "components/problem-lines.ts imports '../src/cli/code-frame.js' (src/cli): components is below src/cli: it may not import it; move what both need to a floor below components",
      "src/library/run.ts imports '../../components/run-tui.js' (components): src/library and components are on one floor and do not import each other; move what both need to a floor below src/library",
      "src/limits.ts imports type './compiler/types.js' (src/compiler): base is below src/compiler: it may not import it; move what both need to a floor below base",
    ]);
  });
});
