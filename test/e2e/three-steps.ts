// The workflow the session tests run, headless and in the TUI: two steps in one phase, a
// third in the next that uses both results, all on a model the local test server answers.
export const THREE_STEPS = `---
model: openai:gpt-4o-mini
---

Write a line about rain.

<GenText as="first" />

Now one about snow.

<GenText as="second" />

---

Join them: {first} / {second}

<GenText as="third" />
`;
