// An input added to the file while a run is open: it never reaches a step as "not defined".
import { afterEach, expect, it } from 'vitest';
import { compileFixture, outputs, startRun } from '../support/start-run.js';
import type { Run } from '../../src/runtime/run.js';

let run: Run | undefined;
afterEach(() => run?.dispose());

const BEFORE = `---\ninput:\n  topic:\n    default: rain\n---\n\nA poem about {topic}.\n\n<GenText as="poem" model="echo" />\n\n---\n\nNow in the style of {topic}.\n\n<GenText as="again" model="echo" />\n`;

function withInput(field: string): string {
  return BEFORE.replace('---\n\nA poem', `${field}---\n\nA poem`).replace('Now in the style of {topic}', 'Now in the style of {style}');
}

it('a new required input without a value fails the step that reads it with a message that says how to give it one', async () => {
  ({ run } = await startRun('new-inputs.mdx', { text: BEFORE }));
  run.next();
  await run.idle();
  run.update({ workflow: compileFixture('new-inputs.mdx', withInput('  style:\n    message: Which style?\n')) });
  await run.idle();
  // the earlier result still holds; the step that reads `style` waits at the gate
  expect(outputs(run)).toEqual({ '0.0': 'A poem about rain.' });
  expect(run.state.next).toBe('1.0');
  run.next();
  await run.idle();
  expect(run.state.status).toBe('failed');
  expect(run.state.steps['1.0']!.error).toMatchObject({ message: 'new input `style` has no value: press i to enter it', line: 15 });
  // once it has a value the step runs
  run.update({ inputs: { topic: 'rain', style: 'Basho' } });
  await run.idle();
  run.next();
  await run.idle();
  expect(outputs(run)).toEqual({ '0.0': 'A poem about rain.', '1.0': 'Now in the style of Basho.' });
});

it('a new input with a default runs with its default', async () => {
  ({ run } = await startRun('new-inputs.mdx', { text: BEFORE }));
  run.update({ workflow: compileFixture('new-inputs.mdx', withInput('  style:\n    default: haiku\n')) });
  run.continue();
  await run.idle();
  expect(run.state.status).toBe('done');
  expect(outputs(run)['1.0']).toBe('Now in the style of haiku.');
});
