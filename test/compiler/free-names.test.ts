import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import type { Program } from 'estree';
import { freeNames } from '../../src/compiler/free-names.js';

/** The estree remark-mdx builds for the first expression of `text` (block, inline or attribute). */
function firstProgram(text: string): Program {
  const tree = unified().use(remarkParse).use(remarkMdx).parse(text);
  let found: Program | undefined;
  const visit = (node: any): void => {
    if (found) return;
    if (node.data?.estree) found = node.data.estree;
    for (const attribute of node.attributes ?? []) {
      if (!found && attribute.value?.data?.estree) found = attribute.value.data.estree;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  if (!found) throw new Error(`no expression in ${text}`);
  return found;
}

/** Names only, for the table below: `{expr}` on line 1 as a block expression. */
function names(expression: string): string[] {
  return freeNames(firstProgram(`{${expression}}\n`)).map((n) => n.name);
}

describe('freeNames', () => {
  it.each([
    ['a + b * a', ['a', 'b', 'a']],
    ['topic', ['topic']],
    ['a.b.c', ['a']],
    ['a[b].c', ['a', 'b']],
    ['a?.b?.[c]?.(d)', ['a', 'c', 'd']],
    ["x['constr' + 'uctor']", ['x']],
    ['x[k]', ['x', 'k']],
    ['({ b: 1, [k]: v, langs })', ['k', 'v', 'langs']],
    ['{ ...rest, a: b }', ['rest', 'b']],
    ['[first, ...others]', ['first', 'others']],
    ['`Hello ${name}, ${user.first}!`', ['name', 'user']],
    ['tag`a ${b} c`', ['tag', 'b']],
    ['(x) => x + y', ['y']],
    ['x => x', []],
    ['(a, b = a + c) => b', ['c']],
    ['({ a, b: { c }, ...d }) => a + c + d + e', ['e']],
    ['([a, , b = z, ...c]) => [a, b, c]', ['z']],
    ['(...xs) => xs.length + n', ['n']],
    ['items.map((item, i) => item.title + i)', ['items']],
    ['xs.map(x => { const y = x * 2; let z = y; var w = z; return w + q; })', ['xs', 'q']],
    ['() => { const { a, b: [c] } = obj; return a + c; }', ['obj']],
    ['x => { if (x) { var v = 1; } return v; }', []],
    ['x => { { let inner = 1; } return inner; }', ['inner']],
    ['x => { for (let i = 0; i < x; i++) total += i; return i; }', ['total', 'i']],
    ['xs => { for (const x of xs) use(x); }', ['use']],
    ['o => { for (const k in o) keys.push(k); }', ['keys']],
    ['() => { try { risky(); } catch (err) { return err.message + e; } }', ['risky', 'e']],
    ['() => { try { a(); } catch { b(); } finally { c(); } }', ['a', 'b', 'c']],
    ['function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); }', []],
    ['function (n) { return arguments.length + n; }', []],
    ['() => arguments', ['arguments']],
    ['() => { helper(); function helper() { return h; } }', ['h']],
    ['(class Point { static origin = Point.zero; m() { return this.x + k; } })', ['k']],
    ['(class extends Base { [key]() { return super.m(); } })', ['Base', 'key']],
    ['() => { outer: for (;;) { break outer; } }', []],
    ['() => { switch (s) { case A: { const r = 1; return r; } default: return dflt; } }', ['s', 'A', 'dflt']],
    ['function () { return this.x + new.target + import.meta.url; }', []],
    ['typeof missing === "undefined" ? Math.max(1, 2) : JSON.stringify(v)', ['missing', 'Math', 'JSON', 'v']],
    ['x => (y => x + y + z)', ['z']],
    ['x => x.map(x => x)', []],
    ['(a => a)(a)', ['a']],
    ['count = count + 1', ['count', 'count']],
    ['({ a: target.prop } = src)', ['target', 'src']],
    ['new Date(now).getTime()', ['Date', 'now']],
    ['cond ? <Card title={t} /> : <div>{body}</div>', ['cond', 'Card', 't', 'body']],
    ['<ui.Panel>{x}</ui.Panel>', ['ui', 'x']],
    ['', []],
    ['/* only a comment */', []],
  ])('%s', (expression, expected) => {
    expect(names(expression)).toEqual(expected);
  });

  it('reports file positions: 1-based line and column of each occurrence', () => {
    const text = '# Title\n\nWrite about {topic} for {audience.name}.\n\n{langs.map(l =>\n  l + suffix)}\n';
    const tree = unified().use(remarkParse).use(remarkMdx).parse(text);
    const programs: Program[] = [];
    const visit = (node: any): void => {
      if (node.data?.estree) programs.push(node.data.estree);
      for (const child of node.children ?? []) visit(child);
    };
    visit(tree);
    expect(programs.map((p) => freeNames(p))).toEqual([
      [{ name: 'topic', line: 3, column: 14 }],
      [{ name: 'audience', line: 3, column: 26 }],
      [
        { name: 'langs', line: 5, column: 2 },
        { name: 'suffix', line: 6, column: 7 },
      ],
    ]);
  });

  it('finds names in attribute expressions at their place in the file', () => {
    const program = firstProgram('<Loop as="l" until={$index === langs.length}>\n\nx\n\n</Loop>\n');
    expect(freeNames(program)).toEqual([
      { name: '$index', line: 1, column: 21 },
      { name: 'langs', line: 1, column: 32 },
    ]);
  });
});
