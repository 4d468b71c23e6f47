// The package entry for `stepwise.config.*` authors: `import { defineConfig } from 'stepwise'`.
export { defineAction, defineConfig } from './actions/define.js';
export type { ActionContext, ActionDefinition, ProviderSetting, StepwiseConfig } from './actions/define.js';
export { defineTool } from './tools/define.js';
export type { ToolContext, ToolDefinition } from './tools/define.js';
