// The front ends (the TUI, the headless reporter, the library) hold a run as a RunHandle:
// its commands, state and events. None of them imports the Run class with its walk-host
// methods, so none can call one by mistake.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.tsx?$/.test(name))
    .map((name) => join(dir, name));
}

describe('the front ends hold a RunHandle', () => {
  it('no file of components/, src/cli/ or src/library/ imports src/runtime/run.ts', () => {
    const files = [...sources('components'), ...sources('src/cli'), ...sources('src/library')];
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.filter((file) => /from '(\.\.\/)+(src\/)?runtime\/run\.js'/.test(readFileSync(join(root, file), 'utf8')));
    expect(offenders.map((file) => relative(root, join(root, file)))).toEqual([]);
  });

  it('the TUI, the headless reporter and the library name the RunHandle type', () => {
    for (const file of ['components/hooks/useRunStarter.ts', 'src/cli/headless-reporter.ts', 'src/library/step-run.ts']) {
      expect(readFileSync(join(root, file), 'utf8')).toMatch(/import type \{ RunHandle \} from '(\.\.\/)+(src\/)?runtime\/run-handle\.js'/);
    }
  });
});
