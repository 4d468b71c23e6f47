// examples/library.mjs runs as the README says (`node examples/library.mjs`), resolving
// 'stepwise' to this very package through its exports.
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { assertBuilt, ROOT } from '../support/run-cli.js';
import { runNode } from './support.js';

beforeAll(assertBuilt);

it('node examples/library.mjs compiles, runs and steps poem.mdx with the echo model', async () => {
  const result = await runNode(ROOT, [join('examples', 'library.mjs')]);
  expect(result).toEqual({
    code: 0,
    stderr: '',
    stdout: [
      'A poem and its translation: compiles; inputs topic, language',
      'ran: ok; poem = "Write a short poem (eight lines at most) about the sea. Reply with the poem only."',
      'step poem done: "Write a short poem (eight lines at most) about the moon. Reply with the poem only."',
      'step poem done: "A poem, rewritten by hand."',
      'step translation done: "Translate this poem into French. Keep its line breaks, and reply with the\\ntranslation only.\\n\\nA poem, rewritten by hand."',
      'status: done',
      "inputs error: unknown input `mood`: this workflow's inputs are topic, language",
      '',
    ].join('\n'),
  });
});
