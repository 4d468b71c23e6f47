import { it } from 'vitest';
import { writeFileSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startTerminal, KEYS } from '../support/pty.js';
import { workspace } from './workspace.js';
const FAKE = fileURLToPath(new URL('../support/fake-editor.mjs', import.meta.url));
const W = `---
title: Greeting
model: echo
input:
  name:
    message: Who should we greet?
  mood:
    type: select
    options: [warm, formal]
    default: warm
  times:
    type: number
    min: 1
    max: 3
    default: 1
---

Say hello to {name} in a {mood} way, {times} time(s).

<GenText as="hello" />

---

Now say goodbye to {name}.

<GenText as="bye" />
`;
const show = (t: any, label: string) => console.log(`===== ${label}\n${t.screen()}`);
const w = async (t: any, x: any) => { try { await t.waitFor(x, 3000); } catch (e) { console.log('TIMEOUT', String(x)); } };
it('x', async () => {
  const ws = workspace();
  const file = ws.write('greet.mdx', W);
  const t = await startTerminal([file, '--model', 'echo', '--input', 'name=Bo']);
  await w(t, 'Phase 2'); 
  t.write('c'); await w(t, '│ done'); show(t, 'after c');
  writeFileSync(file, W.replace('Now say goodbye', 'Now wave goodbye'));
  await w(t, 'xxstale'); show(t, 'after edit');
  t.write('n'); await w(t, 'xxx'); show(t, 'after n');
  t.write('i'); await w(t, '[ Run ]'); show(t, 'inputs again');
  t.write(KEYS.tab); await w(t, '❯ Mood'); t.write(KEYS.right); await w(t, '(•) formal'); t.write(KEYS.down); await w(t, '❯ Times'); t.write(KEYS.enter);
  await w(t, 'xxx'); show(t, 'after inputs');
  t.write('q'); console.log(await t.exit);
});
