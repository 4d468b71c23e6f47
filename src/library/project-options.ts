// What compiling a workflow needs from its project: the custom actions and providers of the
// stepwise.config.* in the workflow's folder (else `cwd`), as `check` and `run` load them.
import { toolNames } from '../tools/registry.js';
import { loadProjectConfig } from '../config/load-config.js';
import { knownProviders } from '../models/provider-names.js';
import { customActionSpecs } from '../actions/specs.js';
import type { CompileOptions } from '../compiler/index.js';
import type { StepwiseConfig } from '../config/define.js';

export interface ProjectOptions {
  config: StepwiseConfig | null;
  compile: CompileOptions;
}

/** The project's config and compile options, or the config's load error (naming the file and the fix). */
export async function projectOptions(workflowDir: string, cwd: string, env: NodeJS.ProcessEnv): Promise<ProjectOptions | { error: string }> {
  const loaded = await loadProjectConfig(workflowDir, cwd);
  if (loaded.error) return { error: loaded.error };
  return { config: loaded.config, compile: { actions: customActionSpecs(loaded.config), tools: toolNames(loaded.config), providers: knownProviders(loaded.config, env) } };
}
