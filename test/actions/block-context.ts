// A BlockContext without a walk: attributes are small functions of the extra names (the
// Loop's helpers), and every callback is recorded, so a block action's tests can see
// exactly what it asked the walk to do.
import type { Action, Attribute } from '../../src/compiler/types.js';
import type { BlockContext, Names } from '../../src/actions/block.js';

type Evaluator = (extra: Names) => unknown;

export interface FakeBlock {
  context: BlockContext;
  bodies: { provided: Names; helpers: Names; index: number }[];
  progress: [number, number | null][];
  counted: number[];
}

/** `attributes`: each attribute's value as a function of the extra names it is evaluated with. */
export function fakeBlock(name: 'Loop' | 'Cond', attributes: Record<string, Evaluator>, body: (index: number) => Names = () => ({})): FakeBlock {
  const evaluators = new Map<Attribute, Evaluator>();
  const written: Record<string, Attribute> = {};
  for (const [attribute, evaluate] of Object.entries(attributes)) {
    const compiled: Attribute = { kind: 'expr', source: attribute === 'until' ? '$index === 2' : attribute, line: 3, column: 7 };
    written[attribute] = compiled;
    evaluators.set(compiled, evaluate);
  }
  const action: Action = { name, kind: 'block', as: 'items', attributes: written, body: { phases: [], provided: [] }, line: 3, column: 1 };
  const fake: FakeBlock = { bodies: [], progress: [], counted: [], context: null! };
  fake.context = {
    action,
    helpers: { $outer: 'o' },
    evaluate: (attribute, extra) => evaluators.get(attribute)!(extra ?? {}),
    runBody: async (provided, helpers, index) => {
      fake.bodies.push({ provided, helpers, index });
      return body(index);
    },
    progress: (done, total) => fake.progress.push([done, total]),
    count: (bytes) => fake.counted.push(bytes),
    savedLimit: 1024,
  };
  return fake;
}
