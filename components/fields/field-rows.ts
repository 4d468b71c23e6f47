// How many screen rows a form field takes (its prompt, value, message and hint), so the
// form can show the fields around the focused one when they do not all fit: a long form
// on an 80x24 terminal scrolls instead of squeezing its fields on top of each other.
// An estimate is enough: a row too many only shows one field less.
import type { InputField } from '../../src/compiler/types.js';
import { wrapColumns } from '../columns.js';
import type { FieldValue } from './field-value.js';
import { boxKeysHint } from './editing-keys.js';

/** The value sits 4 columns in; a box adds its border and padding on each side. */
const VALUE_INDENT = 4;
const BOX_SIDES = 4;

/** The longest hint of a one-line field (a file path's); a box's is boxKeysHint plus its count. */
const LINE_HINT = "the path of a text file, relative to the workflow's folder";
const BOX_HINT = `one item per line (10, 10 to 100) · ${boxKeysHint('new item')}`;

/** Rows the text takes wrapped to `width` columns, each of its lines at least one. */
export function textRows(text: string, width: number): number {
  return text.split('\n').reduce((rows, line) => rows + wrapColumns(line, Math.max(1, width)).length, 0);
}

/** Whether the field is typed in a multi-line box (Enter is a new line there). */
export function isBoxField(field: InputField | undefined): boolean {
  return field !== undefined && (field.type === 'array' || (field.type === 'text' && field.multiline === true));
}

export function fieldRows(field: InputField, value: FieldValue, focused: boolean, error: string | undefined, width: number, boxLines = Infinity): number {
  const inner = Math.max(1, width - VALUE_INDENT);
  const text = typeof value === 'string' ? value : '';
  let rows = textRows(`❯ ${field.message}${field.required ? ' *' : ''}`, width);
  if (field.type === 'boolean') rows += 1;
  else if (field.type === 'select') rows += textRows((field.options ?? []).map((option) => `( ) ${option.name}`).join('  '), inner);
  else if (isBoxField(field)) rows += 2 + Math.min(boxLines, textRows(text || ' ', inner - BOX_SIDES));
  else rows += textRows(`${text}█${field.type === 'file' ? ' (no such file yet)' : ''}`, inner);
  if (error) rows += textRows(`✗ ${error}`, inner);
  if (focused) rows += textRows(isBoxField(field) ? BOX_HINT : LINE_HINT, inner);
  return rows;
}
