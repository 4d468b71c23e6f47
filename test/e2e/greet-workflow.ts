// A small two-phase workflow with a required input, for the e2e tests.
export const GREET = `---
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
