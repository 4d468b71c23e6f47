// Generated workflows for the benchmarks (and the chunked-parse test).

/**
 * A workflow of `phases` phases, two GenText actions each, with expressions in every
 * step; each phase builds on the previous one. `salt`, when given, is written into every
 * prose line, so the same size with a new salt shares no phase text with any earlier
 * compile (the parser caches phases by their text).
 * @param {number} phases @param {{ salt?: string }} [options] @returns {string}
 */
export function generateWorkflow(phases, { salt } = {}) {
  const mark = salt === undefined ? '' : ` (${salt})`;
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
      `> phase ${i}: a note that is cut from the prompt${mark}`,
      '',
      `Write part ${i} about {topic}, building on {${previous}}.${mark}`,
      '',
      `<GenText as="draft${i}" />`,
      '',
      `Review this draft in {draft${i}.length > 10 ? 'detail' : 'brief'}:${mark}`,
      '',
      `{draft${i}}`,
      '',
      `<GenText as="review${i}" stream={false} />`,
      '',
    );
  }
  return parts.join('\n');
}

/**
 * A workflow for timed runs: `phases` phases of two GenText steps with an expression
 * each, whose prompts do NOT grow along the run (generateWorkflow's do), so with
 * `echo` every step outputs about `bytesPerStep` bytes.
 * @param {number} phases @param {{ bytesPerStep?: number }} [options] @returns {string}
 */
export function generateRunWorkflow(phases, { bytesPerStep = 60 } = {}) {
  const filler = (seed) => {
    let text = '';
    for (let i = 0; text.length < bytesPerStep; i++) text += `word${(i * 7 + seed) % 97} `;
    return text.slice(0, Math.max(0, bytesPerStep - 40)).trimEnd();
  };
  const parts = ['---', 'title: Timed run', 'model: echo', 'data:', '  topic: cats', '---', ''];
  for (let i = 0; i < phases; i++) {
    parts.push(
      '---',
      '',
      `Part ${i} about {topic}. ${filler(i)}`,
      '',
      `<GenText as="draft${i}" />`,
      '',
      `Review in {draft${i}.length > 10 ? 'detail' : 'brief'}. ${filler(i + 1)}`,
      '',
      `<GenText as="review${i}" />`,
      '',
    );
  }
  return parts.join('\n');
}
