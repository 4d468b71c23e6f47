// `tools={[...]}` and `maxSteps` are checked at compile time against stepwise.config's tools.
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compiler/index.js';

const problems = (text: string, tools: string[] = ['add', 'write_files']) =>
  compile(text, 'flow.mdx', { tools }).diagnostics.map((d) => [d.rule, d.line, d.column, d.message]);

describe('tool names at compile time', () => {
  it('a known tool compiles, on GenText and GenObject', () => {
    expect(problems('Hi.\n\n<GenText as="a" model="echo" tools={[\'add\']} maxSteps={3} />\n\n<GenObject as="b" model="echo" schema={{}} tools={["write_files"]} />\n')).toEqual([]);
  });

  it('an unknown tool is an error at the name, with a did-you-mean', () => {
    expect(problems('Hi.\n\n<GenText as="a" model="echo" tools={[\'add\', \'write_file\']} />\n')).toEqual([
      ['unknown-tool', 3, 45, 'unknown tool `write_file`; did you mean `write_files`?'],
    ]);
  });

  it('without tools in the config, says how to define one', () => {
    expect(problems('Hi.\n\n<GenText as="a" model="echo" tools={[\'add\']} />\n', [])).toEqual([
      ['unknown-tool', 3, 38, "unknown tool `add`: no tools are defined; add defineTool({ name: 'add', ... }) to the `tools` of stepwise.config.ts"],
    ]);
  });

  it('`tools` must be a list and `maxSteps` a whole number of at least 1', () => {
    expect(problems('Hi.\n\n<GenText as="a" model="echo" tools="add" maxSteps={0} />\n').map(([rule, , , message]) => [rule, message])).toEqual([
      ['attribute-type', '`tools` takes an array: write tools={[ ... ]}'],
      ['attribute-value', '`maxSteps` is a whole number of model calls, at least 1: write maxSteps={1}'],
    ]);
  });
});
