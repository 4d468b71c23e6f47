// stepwise as a library: compile a workflow, run it to the end, then step through it.
// Run it from the project (after `npm run build`) or from an installed copy:
//   node examples/library.mjs
// It uses the offline `echo` model, so it needs no API key. In your own program, write
// the same import after `npm install /path/to/stepwise-0.1.0.tgz` (README: Using stepwise from a program).
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compile, createRun, runWorkflow, StepwiseError } from 'stepwise';

const poem = fileURLToPath(new URL('poem.mdx', import.meta.url));

// 1. compile: what `stepwise check --json poem.mdx` prints
const checked = await compile(await readFile(poem, 'utf8'), poem);
console.log(`${checked.title}: ${checked.ok ? 'compiles' : `${checked.diagnostics.length} problems`}; inputs ${checked.inputs.map((input) => input.name).join(', ')}`);

// 2. runWorkflow: a headless run to the end, what `stepwise run --headless --json` prints.
// The session is saved as a run's is; here in the temp folder instead of next to the example.
const result = await runWorkflow(poem, { model: 'echo', inputs: { topic: 'the sea' }, out: join(tmpdir(), 'stepwise-library-example') });
console.log(`ran: ${result.ok ? 'ok' : result.error?.message}; poem = ${JSON.stringify(result.outputs.poem)}`);

// 3. createRun: the step-by-step run the TUI drives. Commands in, typed events out.
const run = await createRun(poem, { model: 'echo', inputs: { topic: 'the moon' } });
run.subscribe((event) => {
  if (event.type === 'step-end') console.log(`step ${event.record.as} done: ${JSON.stringify(event.record.output)}`);
});
run.next(); // one action, then it waits again
await run.idle();
run.edit(run.state.order[0], 'A poem, rewritten by hand.'); // your edit; later steps go stale
run.continue(); // everything else
await run.idle();
console.log(`status: ${run.state.status}`);
run.dispose();

// Problems you can fix are StepwiseErrors that say how
try {
  await runWorkflow(poem, { model: 'echo', inputs: { mood: 'calm' } });
} catch (error) {
  if (!(error instanceof StepwiseError)) throw error;
  console.log(`${error.kind} error: ${error.message}`);
}
