import { it } from 'vitest';
import { startTerminal, KEYS } from '../support/pty.js';
import { workspace } from './workspace.js';
it('x', async () => {
  const file = workspace().copy('examples/poem.mdx');
  const t = await startTerminal([file, '--model', 'echo']);
  await t.waitFor('Phase 2');
  const before = t.raw().length;
  t.write(KEYS.ctrlC);
  t.write(KEYS.ctrlC);
  console.log(await t.exit);
  console.log(JSON.stringify(t.raw().slice(0, 80)), JSON.stringify(t.raw().slice(before)));
});
