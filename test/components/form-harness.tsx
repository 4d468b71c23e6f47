// Shared by the input form tests: render the form, press keys, wait for frames (never sleep).
import { act } from 'react';
import { cleanup, render } from 'ink-testing-library';
import type { InputField } from '../../src/compiler/types.js';
import { InputForm } from '../../components/InputForm.js';
import { waitForFrame } from '../support/ink.js';

export { KEYS as KEY } from '../support/keys.js';
export { waitForFrame };

/** An input field as the compiler would produce it. */
export function field(partial: Partial<InputField> & Pick<InputField, 'name'>): InputField {
  return { type: 'text', message: partial.name, required: !('default' in partial), line: 1, ...partial };
}

type Instance = ReturnType<typeof render>;

// React's act() flushes renders and effects before it resolves, so after each key the
// handlers for the new focus are listening: no timing guesses, no sleeps.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Writes keys one at a time, each once the previous one has been fully rendered. */
export async function press(instance: Instance, ...keys: string[]): Promise<void> {
  for (const key of keys) {
    await act(async () => {
      instance.stdin.write(key);
    });
  }
}

export interface FormRun {
  instance: Instance;
  submitted: Array<{ values: Record<string, unknown>; remembered: Record<string, unknown> }>;
  cancelled: () => number;
}

export async function renderForm(fields: InputField[], options: { initial?: Record<string, unknown>; baseDir?: string; height?: number; width?: number } = {}): Promise<FormRun> {
  const submitted: FormRun['submitted'] = [];
  let cancels = 0;
  let instance!: Instance;
  await act(async () => {
    instance = render(
    <InputForm
      fields={fields}
      initial={options.initial ?? {}}
      baseDir={options.baseDir ?? process.cwd()}
      onSubmit={(values, remembered) => submitted.push({ values, remembered })}
      onCancel={() => cancels++}
      {...(options.height !== undefined ? { height: options.height } : {})}
      {...(options.width !== undefined ? { width: options.width } : {})}
    />,
    );
  });
  await waitForFrame(instance, options.height === undefined ? '[ Run ]' : 'Inputs');
  return { instance, submitted, cancelled: () => cancels };
}

/** Waits until onSubmit has been called `count` times. */
export async function waitForSubmit(run: FormRun, count = 1): Promise<void> {
  await waitForFrame(run.instance, () => run.submitted.length >= count);
}

/** Unmounts every rendered form inside act(), for afterEach. */
export async function cleanupForms(): Promise<void> {
  await act(async () => cleanup());
}
