// Generates a workflow of `phases` phases, two GenText actions each, with expressions
// in every step; shared by the benchmarks.

/** @param {number} phases @returns {string} */
export function generateWorkflow(phases) {
  const parts = [
    '---',
    'title: Generated',
    'model: echo',
    'input:',
    '  topic:',
    '    type: text',
    '    default: cats',
    '---',
    '',
    'A generated workflow for benchmarks.',
    '',
  ];
  for (let i = 0; i < phases; i++) {
    const previous = i === 0 ? 'topic' : `review${i - 1}`;
    parts.push(
      '---',
      '',
      `> phase ${i}: a note that is cut from the prompt`,
      '',
      `Write part ${i} about {topic}, building on {${previous}}.`,
      '',
      `<GenText as="draft${i}" />`,
      '',
      `Review this draft in {draft${i}.length > 10 ? 'detail' : 'brief'}:`,
      '',
      `{draft${i}}`,
      '',
      `<GenText as="review${i}" stream={false} />`,
      '',
    );
  }
  return parts.join('\n');
}
