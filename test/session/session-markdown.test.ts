import { describe, expect, it } from 'vitest';
import { sessionMarkdown } from '../../src/session/session-markdown.js';
import { poemState, record, runState, version } from './states.js';

describe('output.md', () => {
  it('names every step, quotes its prompt, labels loop iterations and Cond bodies, and marks edits, failures and out-of-date results', () => {
    expect(sessionMarkdown(poemState('/work/poem.mdx'))).toBe(`---
title: poem
workflow: poem.mdx
date: 2026-12-02T05:31:00.000Z
status: failed
inputs:
  topic: cats
models:
  - openai:gpt-4o
  - echo
usage:
  inputTokens: 10
  outputTokens: 20
---

# poem

## Phase 1

### poem · GenText · openai:gpt-4o

> Write a poem about cats.
>
> Keep it *short*.

Soft paws at dawn,

**fin**

*edited by the author*

## Phase 2

### drafts · Loop

> Now two drafts.

#### drafts · iteration 1

##### draft · GenText · echo

> Draft 1

one

#### drafts · iteration 2

##### draft · GenText · echo

> Draft 2

two

*out of date: an earlier change means this step runs again*

### check · Cond

#### check · body

##### verdict · GenObject · echo

> Is it good?

\`\`\`json
{
  "ok": true
}
\`\`\`

### summary · GenText · echo

> Sum up.

**Failed:** the model refused (line 12)
`);
  });

  it('says a Cond whose if was false skipped its body, shows a cancelled step’s partial text, and keeps trailing text quoted', () => {
    const state = runState('/work/poem.mdx', [
      record('0.0', { action: 'Cond', as: 'extra', phase: 0, output: null }),
      record('0.1', { action: 'GenText', as: 'long', phase: 0, model: 'echo', prompt: 'Go on.', status: 'cancelled', output: undefined, current: 2 }),
      record('0.2', { action: null, phase: 0, prompt: 'The end.' }),
    ]);
    state.history['0.1'] = [version({ output: 'older' }), version({ id: 2, why: 'cancelled', output: undefined, partial: 'Half a sen' })];
    expect(sessionMarkdown(state).split('---\n\n')[1]).toBe(`# poem

## Phase 1

### extra · Cond

*skipped: \`if\` was false*

### long · GenText · echo

> Go on.

Half a sen

*cancelled before it finished*

> The end.
`);
  });

  it('fences an object output with more backticks than it holds, and notes an empty output', () => {
    const state = runState('/work/poem.mdx', [
      record('0.0', { action: 'GenObject', as: 'code', phase: 0, output: { snippet: '```js\nx\n```' } }),
      record('0.1', { action: 'GenText', as: 'blank', phase: 0, output: '  \n' }),
    ]);
    expect(sessionMarkdown(state).split('---\n\n')[1]).toBe(`# poem

## Phase 1

### code · GenObject

\`\`\`\`json
{
  "snippet": "\`\`\`js\\nx\\n\`\`\`"
}
\`\`\`\`

### blank · GenText

*(empty)*
`);
  });
});
