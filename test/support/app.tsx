// Mounts the whole App on a fixture with the echo model (or a hand-driven one), for tests
// that drive it through its keys.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { App, type AppProps } from '../../components/App.js';
import { compile } from '../../src/compiler/index.js';
import { runWarnings } from '../../src/compiler/run-warnings.js';
import { createRun } from '../../src/runtime/create-run.js';
import type { RunHandle } from '../../src/runtime/run-handle.js';
import type { GenerateRequest, GenerateResult } from '../../src/models/types.js';
import { FIXTURES } from './start-run.js';
import { waitForFrame } from './ink.js';

export interface MountOptions extends Partial<AppProps> {
  generate?: (request: GenerateRequest) => Promise<GenerateResult>;
  /** copy the fixture to a temp folder (for tests that rewrite it) */
  copy?: boolean;
}

export function mountApp(fixture: string, options: MountOptions = {}) {
  let file = join(FIXTURES, fixture);
  if (options.copy) {
    const dir = mkdtempSync(join(tmpdir(), 'stepwise-tui-'));
    const copy = join(dir, fixture.split('/').pop()!);
    writeFileSync(copy, readFileSync(file, 'utf8'));
    file = copy;
  }
  const text = readFileSync(file, 'utf8');
  const { workflow, diagnostics } = compile(text, file);
  if (!workflow) throw new Error(`${fixture} does not compile`);
  const defaults = Object.fromEntries(workflow.inputs.filter((f) => 'default' in f).map((f) => [f.name, f.default]));
  const runs: RunHandle[] = [];
  const saved: Array<Record<string, unknown>> = [];
  let exited = 0;
  const ui = render(
    <App
      file={file}
      text={text}
      workflow={workflow}
      warnings={runWarnings(diagnostics, false)}
      inputs={defaults}
      missing={workflow.inputs.filter((f) => f.required && !(f.name in defaults)).map((f) => f.name)}
      watch={false}
      createRun={(w, inputs) => createRun({ workflow: w, inputs, modelOverride: options.generate ? null : 'echo', env: { STEPWISE_ECHO_DELAY_MS: '0' }, generate: options.generate })}
      remember={{ load: () => ({}), save: (_file, values) => void saved.push(values) }}
      size={{ rows: 30, columns: 100 }}
      onRun={(run) => void runs.push(run)}
      onExit={() => void exited++}
      {...options}
    />,
  );
  return {
    ...ui,
    file,
    saved,
    get run() {
      return runs[0];
    },
    get exited() {
      return exited;
    },
    /** types keys, then waits until the frame satisfies `until` */
    async press(keys: string, until: (frame: string) => boolean) {
      ui.stdin.write(keys);
      return waitForFrame(ui, until);
    },
    wait: (until: (frame: string) => boolean) => waitForFrame(ui, until),
  };
}

export { handModel } from './hand-model.js';
