// The attribute schemas of the actions, used to check literal attributes at compile time.

export interface AttributeSpec {
  type: 'string' | 'number' | 'boolean' | 'object' | 'array' | 'any';
  required?: boolean;
}

/** An action's attributes; `as` is implicit and always required. */
export interface ActionSpec {
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
    attributes: {
      until: { type: 'any', required: true },
      provide: { type: 'object' },
      max: { type: 'number' },
    },
  },
  Cond: {
    attributes: {
      if: { type: 'any', required: true },
      provide: { type: 'object' },
    },
  },
};

/** Actions that wrap a body of their own (a nested scope). */
export const BLOCK_ACTIONS: ReadonlySet<string> = new Set(['Loop', 'Cond']);

/** Actions that call a model, and so need a model id from somewhere. */
export const GENERATION_ACTIONS: ReadonlySet<string> = new Set(['GenText', 'GenObject']);
