import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Diagnostic, InputField, InputType, SelectOption } from './types.js';
import { suggest } from './suggest.js';
import { LineIndex } from './line-index.js';
import { MAX_YAML_ALIAS_COUNT, MAX_YAML_NESTING } from './limits.js';
import { NESTING_RULE } from './nesting.js';
import { duplicateKeyOffsets, firstAlias, yamlNestingOffset } from './yaml-limits.js';
import { camelCase, defaultProblem, FIELD_KEYS, humanise, INPUT_TYPES, KEY_TYPES, PROTO_PROBLEM, RESERVED, TOP_KEYS, yamlMessage } from './frontmatter-rules.js';

export interface Frontmatter {
  title?: string;
  model?: string;
  /** where the `model` value is written, for warnings about it */
  modelPlace?: { line: number; column: number };
  data: Record<string, unknown>;
  inputs: InputField[];
  diagnostics: Diagnostic[];
}

/**
 * Reads a workflow's YAML frontmatter (docs/language.md §2). `firstLine` is the file line where
 * the YAML text starts, so every diagnostic lands on the file's own line and column.
 * Never throws: problems come back as diagnostics.
 */
export function parseFrontmatter(yamlSource: string, firstLine: number): Frontmatter {
  const reader = new FrontmatterReader(yamlSource, firstLine);
  return reader.read();
}

class FrontmatterReader {
  private readonly lines: LineIndex;
  private readonly diagnostics: Diagnostic[] = [];
  private doc!: Document.Parsed;

  constructor(
    private readonly source: string,
    private readonly firstLine: number,
  ) {
    this.lines = new LineIndex(source);
  }

  read(): Frontmatter {
    const result: Frontmatter = { data: {}, inputs: [], diagnostics: this.diagnostics };
    const tooDeep = yamlNestingOffset(this.source);
    if (tooDeep !== -1) {
      this.report('error', NESTING_RULE, tooDeep,
        `nested more than ${MAX_YAML_NESTING} levels: the frontmatter has that many lists and maps inside one another here; flatten it`);
      return result;
    }
    try {
      // duplicate keys are found by duplicateKeyOffsets: the parser's own check is quadratic
      this.doc = parseDocument(this.source, { prettyErrors: false, uniqueKeys: false });
    } catch (error) {
      this.report('error', 'yaml-syntax', 0, `invalid YAML in the frontmatter: ${String(error)}; fix the YAML syntax`);
      return result;
    }
    let broken = false;
    for (const error of this.doc.errors) {
      if (error.code === 'DUPLICATE_KEY') this.duplicateKey(error.pos[0]);
      else {
        broken = true;
        this.report('error', 'yaml-syntax', this.syntaxErrorPlace(error.code, error.message, error.pos[0]), yamlMessage(error.code, error.message));
      }
    }
    // After a syntax error the tree is a guess: checking it would only add confusing errors.
    if (broken) return result;
    for (const offset of duplicateKeyOffsets(this.doc)) this.duplicateKey(offset);

    const top = this.doc.contents;
    if (top === null || (isScalar(top) && top.value === null)) return result;
    if (!isMap(top)) {
      this.report('error', 'frontmatter-value', start(top),
        'the frontmatter must be a map of keys (title, model, data, input), e.g. `title: My workflow`');
      return result;
    }
    let dataPair: Pair | undefined;
    let inputPair: Pair | undefined;
    for (const pair of top.items) {
      const key = keyName(pair);
      if (key === 'title') result.title = this.text(pair, '`title` must be text, e.g. `title: My workflow`', true);
      else if (key === 'model') {
        result.model = this.text(pair, '`model` must be a model id such as `openai:gpt-4o`', false);
        if (result.model !== undefined) result.modelPlace = this.place(start(pair.value as Node));
      }
      else if (key === 'data') dataPair = this.mapOrEmpty(pair, 'data', 'names to values, e.g. `data: { tone: friendly }`');
      else if (key === 'input') inputPair = this.mapOrEmpty(pair, 'input', 'input names to fields, e.g. `input: { topic: { type: text } }`');
      else {
        const guess = suggest(key, TOP_KEYS);
        const fix = guess ? `did you mean \`${guess}\`?` : 'remove it (known keys: title, model, data, input)';
        this.report('warning', 'frontmatter-key', keyStart(pair), `unknown frontmatter key \`${key}\`; ${fix}`);
      }
    }

    const dataLines = new Map<string, number>();
    if (dataPair && isMap(dataPair.value)) {
      for (const pair of dataPair.value.items) {
        const name = keyName(pair);
        if (!this.validName(pair, name, 'data')) continue;
        dataLines.set(name, this.place(keyStart(pair)).line);
        result.data[name] = this.toJS(pair.value as Node | null);
      }
    }
    if (inputPair && isMap(inputPair.value)) {
      for (const pair of inputPair.value.items) {
        const name = keyName(pair);
        if (!this.validName(pair, name, 'input')) continue;
        const dataLine = dataLines.get(name);
        if (dataLine !== undefined) {
          const line = this.place(keyStart(pair)).line;
          this.report('error', 'duplicate-name', keyStart(pair),
            `\`${name}\` is defined in both \`data\` (line ${dataLine}) and \`input\` (line ${line}): rename one of them`);
        }
        result.inputs.push(this.field(name, pair));
      }
    }
    this.diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
    return result;
  }

  /** `title` and `model`: a string; a number or boolean title keeps its source text. */
  private text(pair: Pair, problem: string, scalarsOk: boolean): string | undefined {
    const value = pair.value as Node | null;
    if (!value || (isScalar(value) && value.value === null)) return undefined;
    if (isScalar(value) && typeof value.value === 'string') return value.value;
    if (scalarsOk && isScalar(value) && (typeof value.value === 'number' || typeof value.value === 'boolean')) {
      return value.source ?? String(value.value);
    }
    this.report('error', 'frontmatter-value', start(value), problem);
    return undefined;
  }

  private mapOrEmpty(pair: Pair, key: string, example: string): Pair | undefined {
    const value = pair.value as Node | null;
    if (!value || (isScalar(value) && value.value === null) || isMap(value)) return pair;
    this.report('error', 'frontmatter-value', start(value), `\`${key}\` must be a map of ${example}`);
    return undefined;
  }

  private validName(pair: Pair, name: string, section: string): boolean {
    let problem: string | undefined;
    if (name.startsWith('$')) {
      problem = `\`${name}\` cannot start with \`$\` (reserved for helpers such as \`$index\`): rename it, e.g. \`${name.replace(/^\$+/, '') || 'value'}\``;
    } else if (!/^[\p{ID_Start}_][\p{ID_Continue}$\u200c\u200d]*$/u.test(name)) {
      problem = `\`${name}\` in \`${section}\` is not a valid name: use letters, digits and \`_\`, not starting with a digit (e.g. \`${camelCase(name)}\`)`;
    } else if (RESERVED.has(name)) {
      problem = `\`${name}\` in \`${section}\` is a reserved word in JavaScript: choose another name`;
    } else if (name === '__proto__') {
      problem = `\`${name}\` in \`${section}\` ${PROTO_PROBLEM}`;
    }
    if (problem) this.report('error', 'invalid-name', keyStart(pair), problem);
    return !problem;
  }

  private field(name: string, pair: Pair): InputField {
    const keyOffset = keyStart(pair);
    const field: InputField = { name, type: 'text', message: humanise(name), required: true, line: this.place(keyOffset).line };
    const spec = pair.value as Node | null;
    if (spec && !(isScalar(spec) && spec.value === null) && !isMap(spec)) {
      this.report('error', 'input-field', start(spec),
        `input \`${name}\` must be a map of settings such as \`type:\` and \`message:\`, or empty for a required text input`);
      return field;
    }
    const settings = new Map<string, Pair>();
    if (isMap(spec)) for (const item of (spec as YAMLMap).items) settings.set(keyName(item), item);

    let typeKnown = true;
    const typePair = settings.get('type');
    if (typePair) {
      const value = typePair.value as Node | null;
      const type = isScalar(value) ? value.value : undefined;
      if (typeof type === 'string' && (INPUT_TYPES as string[]).includes(type)) field.type = type as InputType;
      else {
        typeKnown = false;
        const shown = typeof type === 'string' ? type : this.sourceOf(value);
        const guess = typeof type === 'string' ? suggest(type, INPUT_TYPES) : undefined;
        const fix = guess ? `did you mean \`${guess}\`? Types are` : 'use one of';
        this.report('error', 'input-type', value ? start(value) : keyStart(typePair),
          `unknown input type \`${shown}\` for \`${name}\`; ${fix} ${INPUT_TYPES.join(', ')}`);
      }
    }

    for (const [key, item] of settings) {
      if (!FIELD_KEYS.includes(key)) {
        const guess = suggest(key, FIELD_KEYS);
        const fix = guess ? `did you mean \`${guess}\`?` : `remove it (settings: ${FIELD_KEYS.join(', ')})`;
        this.report('error', 'input-field', keyStart(item), `unknown setting \`${key}\` in input \`${name}\`; ${fix}`);
        continue;
      }
      const types = KEY_TYPES[key];
      if (typeKnown && types && !types.includes(field.type)) {
        const fix = types.length === 1 ? `remove it or set \`type: ${types[0]}\`` : 'remove it';
        this.report('error', 'input-field', keyStart(item),
          `\`${key}\` applies only to ${types.join(' and ')} inputs, and \`${name}\` is a ${field.type} input: ${fix}`);
        settings.delete(key);
      }
    }

    const message = settings.get('message');
    if (message) {
      const value = this.scalar(message);
      if (typeof value === 'string') field.message = value;
      else this.wrongValue(message, name, 'must be text, e.g. `message: What should the poem be about?`');
    }
    const multiline = settings.get('multiline');
    if (field.type === 'text') {
      field.multiline = false;
      if (multiline) {
        const value = this.scalar(multiline);
        if (typeof value === 'boolean') field.multiline = value;
        else this.wrongValue(multiline, name, 'must be `true` or `false`');
      }
    }
    if (field.type === 'select') this.options(field, settings.get('options'), pair);
    if (field.type === 'file') {
      field.fileType = 'text';
      const fileType = settings.get('fileType');
      if (fileType) {
        const value = this.scalar(fileType);
        if (value === 'text' || value === 'image') field.fileType = value;
        else this.wrongValue(fileType, name, 'must be `text` or `image`');
      }
    }
    if (field.type === 'number' || field.type === 'array') this.bounds(field, settings);

    const dflt = settings.get('default');
    if (dflt && typeKnown) this.defaultValue(field, dflt);
    return field;
  }

  private options(field: InputField, item: Pair | undefined, fieldPair: Pair): void {
    const example = 'e.g. `options: [formal, casual]`';
    if (!item) {
      this.report('error', 'input-field', keyStart(fieldPair),
        `select input \`${field.name}\` needs \`options:\`, a list of strings or of \`{ name, value }\`, ${example}`);
      return;
    }
    const list = item.value as Node | null;
    if (!isSeq(list) || list.items.length === 0) {
      this.wrongValue(item, field.name, `must be a non-empty list of strings or of \`{ name, value }\`, ${example}`);
      return;
    }
    const options: SelectOption[] = [];
    list.items.forEach((node, index) => {
      const option = node as Node;
      if (isScalar(option) && typeof option.value === 'string') {
        options.push({ name: option.value, value: option.value });
        return;
      }
      if (isMap(option)) {
        const entry = (this.toJS(option) ?? {}) as Record<string, unknown>;
        const keys = Object.keys(entry);
        const value = entry.value;
        const name = entry.name ?? value;
        if (typeof value === 'string' && typeof name === 'string' && keys.every((k) => k === 'name' || k === 'value')) {
          options.push({ name, value });
          return;
        }
      }
      this.report('error', 'input-field', start(option),
        `option ${index + 1} of input \`${field.name}\` must be a string or \`{ name, value }\` with string values; quote numbers, e.g. \`- "3"\``);
    });
    field.options = options;
  }

  private bounds(field: InputField, settings: Map<string, Pair>): void {
    for (const key of ['min', 'max'] as const) {
      const item = settings.get(key);
      if (!item) continue;
      const value = this.scalar(item);
      if (field.type === 'array') {
        if (typeof value === 'number' && Number.isInteger(value) && value >= 0) field[key] = value;
        else this.wrongValue(item, field.name, 'must be a whole number of items, 0 or more');
      } else if (typeof value === 'number' && Number.isFinite(value)) field[key] = value;
      else this.wrongValue(item, field.name, 'must be a number');
    }
    if (field.min !== undefined && field.max !== undefined && field.min > field.max) {
      this.report('error', 'input-field', keyStart(settings.get('max')!),
        `\`min\` (${field.min}) is greater than \`max\` (${field.max}) for input \`${field.name}\`: swap them`);
      delete field.min;
      delete field.max;
    }
  }

  private defaultValue(field: InputField, item: Pair): void {
    const node = item.value as Node | null;
    const at = node && !(isScalar(node) && node.value === null) ? start(node) : keyStart(item);
    const value = this.toJS(node);
    const problem = defaultProblem(field, value);
    if (problem) this.report('error', 'input-default', at, `default of ${field.type} input \`${field.name}\` ${problem}`);
    else {
      field.default = value;
      field.required = false;
    }
  }

  private duplicateKey(offset: number): void {
    const key = /^\s*(?:"([^"]*)"|'([^']*)'|([^:\n]*?))\s*:/.exec(this.source.slice(offset));
    const name = key ? (key[1] ?? key[2] ?? key[3]) : undefined;
    const what = name ? `duplicate key \`${name}\`` : 'duplicate key';
    this.report('error', 'duplicate-key', offset, `${what}: a key may appear only once in a map; remove or rename one of them`);
  }

  /** An unclosed quote is reported at the end of the text: point at the quote that opened it. */
  private syntaxErrorPlace(code: string, message: string, offset: number): number {
    const quote = code === 'MISSING_CHAR' ? /closing (["'])quote/.exec(message)?.[1] : undefined;
    if (!quote) return offset;
    const opening = this.source.lastIndexOf(quote, offset - 1);
    return opening >= 0 ? opening : offset;
  }

  private wrongValue(item: Pair, name: string, rule: string): void {
    const value = item.value as Node | null;
    const at = value && !(isScalar(value) && value.value === null) ? start(value) : keyStart(item);
    this.report('error', 'input-field', at, `\`${keyName(item)}\` of input \`${name}\` ${rule}`);
  }

  private scalar(item: Pair): unknown {
    const value = item.value as Node | null;
    return isScalar(value) ? value.value : value ? this.toJS(value) : null;
  }

  private toJS(node: Node | null): unknown {
    if (!node) return null;
    try {
      return node.toJS(this.doc, { maxAliasCount: MAX_YAML_ALIAS_COUNT });
    } catch (error) {
      // an alias bomb must not quietly become `null`
      if (error instanceof ReferenceError && /alias/i.test(error.message)) this.aliasError(node, error.message);
      return null;
    }
  }

  private aliasError(node: Node, reason: string): void {
    const alias = firstAlias(node) ?? node;
    const name = this.sourceOf(alias);
    const message = /excessive/i.test(reason)
      ? `the YAML aliases here (${name}) expand past the limit of ${MAX_YAML_ALIAS_COUNT} copies (aliases of aliases multiply): write the values out, or use fewer aliases`
      : `${reason.replace(/\.$/, '')}: define the anchor (\`&name\`) above its first alias`;
    this.report('error', 'yaml-alias', start(alias), message);
  }

  private sourceOf(node: Node | null): string {
    if (!node || !node.range) return '';
    return this.source.slice(node.range[0], node.range[1]).trim();
  }

  private place(offset: number): { line: number; column: number } {
    const { line, column } = this.lines.place(offset);
    return { line: line - 1 + this.firstLine, column };
  }

  private report(severity: Diagnostic['severity'], rule: string, offset: number, message: string): void {
    const { line, column } = this.place(offset);
    this.diagnostics.push({ severity, message, line, column, rule });
  }
}

function keyName(pair: Pair): string {
  const key = pair.key as Node | null;
  if (isScalar(key)) return String(key.value);
  return key === null ? '' : String(key);
}

function keyStart(pair: Pair): number {
  const key = pair.key as Node | null;
  return key?.range ? key.range[0] : 0;
}

function start(node: Node): number {
  return node.range ? node.range[0] : 0;
}
