// The TUI while stepping: each tool call shows in its step's panel and waits for the
// author, who runs it (Enter), edits its arguments ($EDITOR) or rejects it with a message.
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { z } from 'zod';
import { App } from '../../components/App.js';
import { editInEditor } from '../../components/editor.js';
import { compile } from '../../src/compiler/index.js';
import { createRun } from '../../src/runtime/create-run.js';
import { defineTool } from '../../src/tools/define.js';
import type { RunHandle } from '../../src/runtime/run-handle.js';
import type { GenerateRequest } from '../../src/models/types.js';
import { KEYS, ticks, waitForFrame } from '../support/ink.js';

const FAKE_EDITOR = `node ${join(import.meta.dirname, '..', 'support', 'fake-editor.mjs')}`;
const TEXT = '---\nmodel: echo\n---\n\nWhat is 2 + 3?\n\n<GenText as="sum" tools={[\'add\']} />\n';
const has = (...parts: string[]) => (frame: string) => parts.every((part) => frame.includes(part));

let ui: ReturnType<typeof render> | undefined;
afterEach(() => {
  ui?.unmount();
  ui = undefined;
});

/** A model that calls add(2, 3) once, then answers with what the tool sent back. */
async function model(request: GenerateRequest) {
  const reply = await request.callTool!({ id: 'call_1', name: 'add', input: { a: 2, b: 3 } });
  return { output: `the tool said ${JSON.stringify(reply.output)}`, usage: { inputTokens: 1, outputTokens: 1 } };
}

function mount(editorText = '') {
  const add = defineTool({ name: 'add', description: 'Adds', parameters: z.object({ a: z.number(), b: z.number() }), execute: ({ a, b }) => a + b });
  const { workflow } = compile(TEXT, '/tmp/sum.mdx', { tools: ['add'] });
  const runs: RunHandle[] = [];
  ui = render(
    <App
      file="/tmp/sum.mdx"
      text={TEXT}
      workflow={workflow!}
      inputs={{}}
      missing={[]}
      watch={false}
      createRun={(w, inputs) => createRun({ workflow: w, inputs, config: { tools: [add] }, generate: model })}
      remember={{ load: () => ({}), save: () => {} }}
      size={{ rows: 30, columns: 100 }}
      onRun={(run) => void runs.push(run)}
      editor={(text, options) => editInEditor(text, { ...options, env: { ...process.env, VISUAL: '', EDITOR: FAKE_EDITOR, FAKE_EDITOR_TEXT: editorText } })}
    />,
  );
  const app = ui;
  return {
    run: () => runs[0]!,
    wait: (until: (frame: string) => boolean) => waitForFrame(app, until),
    async press(keys: string, until: (frame: string) => boolean) {
      app.stdin.write(keys);
      return waitForFrame(app, until);
    },
    type: (text: string) => app.stdin.write(text),
  };
}

const WAITING = 'sum wants to call add {"a":2,"b":3} — Enter run it · e edit arguments · x reject';

describe('reviewing tool calls while stepping', () => {
  it('n: the call waits in the panel and the notice; Enter runs it and the model answers', async () => {
    const app = mount();
    await app.wait(has('│ ready │'));
    const frame = await app.press('n', has(WAITING));
    expect(frame.split('\n')[0]).toContain('│ ok │ waiting │ echo │');
    expect(frame).toContain('⚒ add {"a":2,"b":3} — waiting for your answer');
    expect(frame).toContain('Enter run it  e edit args  x reject  c run all calls  Esc cancel step  m request  ? help');
    const done = await app.press(KEYS.enter, has('│ done │'));
    expect(done).toContain('⚒ add {"a":2,"b":3} → 5');
    expect(done).toContain('the tool said 5');
    expect(done).not.toContain('wants to call');
  });

  it('x rejects the call with a message that goes back to the model as its result', async () => {
    const app = mount();
    await app.wait(has('│ ready │'));
    await app.press('n', has(WAITING));
    await app.press('x', has('Reject add, telling the model:'));
    await ticks();
    app.type('use your head');
    await app.wait(has('Reject add, telling the model: use your head'));
    await ticks();
    const done = await app.press(KEYS.enter, has('│ done │'));
    expect(done).toContain('⚒ add {"a":2,"b":3} ✗ rejected: use your head');
    expect(done).toContain('the tool said "use your head"');
  });

  it('e edits the arguments in $EDITOR; the tool runs with the edit', async () => {
    const app = mount('{ "a": 10, "b": 1 }\n');
    await app.wait(has('│ ready │'));
    await app.press('n', has(WAITING));
    const done = await app.press('e', has('│ done │'));
    expect(done).toContain('⚒ add {"a":10,"b":1} (edited) → 11');
    expect(app.run().state.steps['0.0']!.toolCalls![0]!.proposed).toEqual({ a: 2, b: 3 });
  });

  it('edited arguments that are not JSON leave the call waiting, saying how to fix it', async () => {
    const app = mount('{ a: 10 }\n');
    await app.wait(has('│ ready │'));
    await app.press('n', has(WAITING));
    const frame = await app.press('e', has('the edited arguments are not JSON'));
    expect(frame).toContain("the edited arguments are not JSON (Expected property name or '}' in JSON at position 2): press e to\nedit them again");
    expect(app.run().state.steps['0.0']!.toolCalls![0]!.status).toBe('waiting');
  });

  it('c runs every call without asking; m shows the calls after the messages', async () => {
    const app = mount();
    await app.wait(has('│ ready │'));
    const done = await app.press('c', has('│ done │'));
    expect(done).toContain('⚒ add {"a":2,"b":3} → 5');
    const shown = await app.press('m', has('Sent to echo for `sum`'));
    expect(shown).toContain('tools:');
    expect(shown).toContain('[tool call] add {"a":2,"b":3}');
    expect(shown).toContain('[tool result] 5');
  });
});
