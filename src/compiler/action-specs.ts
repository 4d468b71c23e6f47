// The attribute schemas of the actions, used to check literal attributes at compile time.

export interface AttributeSpec {
  type: 'string' | 'number' | 'boolean' | 'object' | 'array' | 'any';
  required?: boolean;
}

/** `leaf`: runs once with its prompt (GenText, a custom action); `block`: runs a body of its own (Loop, Cond). */
export type ActionKind = 'leaf' | 'block';

/** An action's attributes; `as` is implicit and always required. */
export interface ActionSpec {
  /** `leaf` when not given (custom actions are leaves) */
  kind?: ActionKind;
  attributes: Record<string, AttributeSpec>;
}

export const BUILTIN_ACTION_SPECS: Readonly<Record<string, ActionSpec>> = {
  GenText: {
    attributes: {
      model: { type: 'string' },
      role: { type: 'string' },
      stream: { type: 'boolean' },
      options: { type: 'object' },
      tools: { type: 'array' },
      maxSteps: { type: 'number' },
    },
  },
  GenObject: {
    attributes: {
      model: { type: 'string' },
      role: { type: 'string' },
      schema: { type: 'object', required: true },
      schemaName: { type: 'string' },
      schemaDescription: { type: 'string' },
      options: { type: 'object' },
      tools: { type: 'array' },
      maxSteps: { type: 'number' },
    },
  },
  Loop: {
    kind: 'block',
    attributes: {
      until: { type: 'any', required: true },
      provide: { type: 'object' },
      max: { type: 'number' },
    },
  },
  Cond: {
    kind: 'block',
    attributes: {
      if: { type: 'any', required: true },
      provide: { type: 'object' },
    },
  },
};

/**
 * Whether a step record's action (a name, as records and saved sessions keep it) wraps a
 * body of its own: its record is a block's, shown with the body's steps under it.
 */
export function isBlockAction(name: string | null | undefined): boolean {
  return name !== null && name !== undefined && Object.hasOwn(BUILTIN_ACTION_SPECS, name) && BUILTIN_ACTION_SPECS[name]!.kind === 'block';
}

/** Actions that call a model, and so need a model id from somewhere. */
export const GENERATION_ACTIONS: ReadonlySet<string> = new Set(['GenText', 'GenObject']);
