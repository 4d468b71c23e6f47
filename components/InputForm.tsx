// The inputs form (docs/language.md §2, docs/tui.md §2): one field per frontmatter input, prefilled with what was
// used last time (or the defaults), checked with the same rules as the command line.
import { useEffect, useRef, useState } from 'react';
import { Box, Text } from 'ink';
import { useCurrentInput } from './hooks/useCurrentInput.js';
import { tint } from './palette.js';
import type { InputField } from '../src/compiler/types.js';
import { initialFieldValue, validateField, type FieldValue } from './fields/field-value.js';
import { ArrayField } from './fields/ArrayField.js';
import { BooleanField } from './fields/BooleanField.js';
import { FilePathField } from './fields/FilePathField.js';
import { MultilineField } from './fields/MultilineField.js';
import { NumberField } from './fields/NumberField.js';
import { SelectField } from './fields/SelectField.js';
import { TextField } from './fields/TextField.js';
import { isEnter } from './fields/use-line-editing.js';
import { TEXT_KEYS_HINT } from './fields/editing-keys.js';
import type { FieldProps } from './fields/field-props.js';
import { fieldRows, isBoxField, textRows } from './fields/field-rows.js';
import { windowStart } from './list-window.js';

export interface InputFormProps {
  fields: InputField[];
  /** remembered values (what the user typed last time); missing names fall back to defaults */
  initial: Record<string, unknown>;
  /** file inputs are relative to this folder (the workflow's) */
  baseDir: string;
  /**
   * `values` are the typed inputs for the run; `remembered` is what the user typed (a file's
   * path rather than its contents), the thing to pass to saveRememberedInputs.
   */
  onSubmit: (values: Record<string, unknown>, remembered: Record<string, unknown>) => void;
  onCancel: () => void;
  /** the field focused first (an input added to the file that has no value yet) */
  focusOn?: string;
  /** the fields changed from what the form opened with, after every change (kept if the app quits from the form) */
  onDraft?: (changed: Record<string, FieldValue>) => void;
  /** the rows and columns the form has: when its fields do not fit, it shows those around the focused one */
  height?: number;
  width?: number;
}

/** the rows around a box's text: its prompt, two borders, a two-row hint and the form's two scroll rows */
const BOX_CHROME_ROWS = 7;

const MOVE_HINT = 'Tab/↓ next · Shift+Tab/↑ previous · Enter on the last field or on Run: start · Esc cancel';

export function InputForm({ fields, initial, baseDir, onSubmit, onCancel, focusOn, onDraft, height, width = 80 }: InputFormProps) {
  const [opened] = useState<Record<string, FieldValue>>(() => Object.fromEntries(fields.map((field) => [field.name, initialFieldValue(field, initial)])));
  const [values, setValues] = useState<Record<string, FieldValue>>(opened);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [focus, setFocus] = useState(() => Math.max(0, fields.findIndex((field) => field.name === focusOn)));
  const runRow = fields.length;
  const topRef = useRef(0);

  useEffect(() => {
    if (!onDraft) return;
    onDraft(Object.fromEntries(Object.entries(values).filter(([name, value]) => value !== opened[name])));
  }, [values]);

  // A message already shown is re-checked as the user types, so it goes away once fixed.
  useEffect(() => {
    const names = Object.keys(errors);
    if (!names.length) return;
    const next: Record<string, string> = {};
    for (const name of names) {
      const field = fields.find((candidate) => candidate.name === name);
      if (!field) continue;
      const result = validateField(field, values[name] ?? '', baseDir);
      if ('error' in result) next[name] = result.error;
    }
    if (names.length !== Object.keys(next).length || names.some((name) => next[name] !== errors[name])) setErrors(next);
  }, [values, errors, fields, baseDir]);

  const checkOnLeave = (index: number) => {
    const field = fields[index];
    if (!field) return;
    const value = values[field.name] ?? '';
    // An empty field is only "required" at submit time, so tabbing through does not shout.
    if (typeof value === 'string' && value.trim() === '') return;
    const result = validateField(field, value, baseDir);
    setErrors((previous) => {
      const { [field.name]: _old, ...rest } = previous;
      return 'error' in result ? { ...rest, [field.name]: result.error } : rest;
    });
  };

  const move = (step: number) => {
    const next = Math.min(Math.max(focus + step, 0), runRow);
    if (next === focus) return;
    checkOnLeave(focus);
    setFocus(next);
  };

  const submit = () => {
    const typed: Record<string, unknown> = {};
    const remembered: Record<string, unknown> = {};
    const found: Record<string, string> = {};
    for (const field of fields) {
      const result = validateField(field, values[field.name] ?? '', baseDir);
      if ('error' in result) {
        found[field.name] = result.error;
        continue;
      }
      typed[field.name] = result.value;
      if (result.remembered !== undefined) remembered[field.name] = result.remembered;
    }
    const firstBad = fields.findIndex((field) => field.name in found);
    if (firstBad >= 0) {
      setErrors(found);
      setFocus(firstBad);
      return;
    }
    setErrors({});
    onSubmit(typed, remembered);
  };

  useCurrentInput((input, key) => {
    if (key.escape) onCancel();
    else if (key.tab && key.shift) move(-1);
    else if (key.tab) move(1);
    // a box moves its cursor with ↑/↓ and hands them back from its first/last line (onLeave)
    else if ((key.upArrow || key.downArrow) && !isBoxField(fields[focus])) move(key.upArrow ? -1 : 1);
    else if (isEnter(input, key)) {
      if (focus === runRow || (focus === runRow - 1 && !isBoxField(fields[focus]))) submit();
      else if (!isBoxField(fields[focus])) move(1);
    }
  });

  const errorCount = Object.keys(errors).length;
  // the rows left for the fields and the Run row, below the heading and above the message and hints
  const rows = height === undefined ? Infinity : height - 1 - (errorCount ? 1 : 0) - textRows(MOVE_HINT, width) - textRows(TEXT_KEYS_HINT, width);
  // a box's text gets what is left of the window beside its prompt, border, hint and the scroll rows
  const boxLines = Math.max(3, rows - BOX_CHROME_ROWS);
  const heights = [...fields.map((field, index) => fieldRows(field, values[field.name] ?? '', focus === index, errors[field.name], width, boxLines)), 1];
  const fits = heights.reduce((sum, rowsOf) => sum + rowsOf, 0) <= rows;
  // a form taller than the screen scrolls: one row each for "more above" and "more below"
  const top = fits ? 0 : windowStart(heights, focus, topRef.current, Math.max(1, rows - 2));
  topRef.current = top;
  let bottom = top;
  for (let used = heights[top]!; bottom + 1 < heights.length && used + heights[bottom + 1]! <= Math.max(1, rows - 2); bottom++) used += heights[bottom + 1]!;
  const shown = (index: number) => fits || (index >= top && index <= bottom);
  return (
    <Box flexDirection="column">
      <Text bold>Inputs</Text>
      <Box flexDirection="column" flexShrink={0} height={fits ? undefined : rows} overflow="hidden">
        {top > 0 ? (
          <Box flexShrink={0}>
            <Text dimColor>{`  ↑ ${top} more above`}</Text>
          </Box>
        ) : null}
        {fields.map((field, index) => {
          if (!shown(index)) return null;
          const change = (update: (previous: never) => FieldValue) =>
            setValues((previous) => ({ ...previous, [field.name]: update(previous[field.name] as never) }));
          const common = { field, focused: focus === index, error: errors[field.name], onChange: change, onLeave: move, maxLines: boxLines };
          const text = (values[field.name] ?? '') as string;
          return (
            <Box key={field.name} flexDirection="column" flexShrink={0}>
              {fieldElement(field, common, text, values[field.name] === true, baseDir)}
            </Box>
          );
        })}
        {shown(runRow) ? (
          <Box flexShrink={0}>
            <Text bold={focus === runRow} color={focus === runRow ? tint('cyan') : undefined}>
              {focus === runRow ? '❯ ' : '  '}[ Run ]
            </Text>
          </Box>
        ) : null}
        {!fits && bottom < runRow ? <Text dimColor>{`  ↓ ${runRow - bottom} more below`}</Text> : null}
      </Box>
      {errorCount ? <Text color={tint('red')}>{errorCount === 1 ? '1 input needs' : `${errorCount} inputs need`} fixing before the run</Text> : null}
      <Text dimColor>{MOVE_HINT}</Text>
      <Text dimColor>{TEXT_KEYS_HINT}</Text>
    </Box>
  );
}

type CommonFieldProps = Omit<FieldProps<never>, 'value' | 'onChange'> & { onChange: (update: (previous: never) => FieldValue) => void };

function fieldElement(field: InputField, common: CommonFieldProps, text: string, checked: boolean, baseDir: string) {
  switch (field.type) {
    case 'boolean':
      return <BooleanField {...common} value={checked} />;
    case 'select':
      return <SelectField {...common} value={text} />;
    case 'number':
      return <NumberField {...common} value={text} />;
    case 'array':
      return <ArrayField {...common} value={text} />;
    case 'file':
      return <FilePathField {...common} value={text} baseDir={baseDir} />;
    case 'text':
      return field.multiline ? <MultilineField {...common} value={text} /> : <TextField {...common} value={text} />;
  }
}
