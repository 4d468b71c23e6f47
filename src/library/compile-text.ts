// `compile(text, file?)`: the `check --json` document of a workflow's text, compiled with
// the custom actions and providers of the project it would run in.
import { dirname, resolve } from 'node:path';
import { checkDocument, compile, type CheckDocument } from '../compiler/index.js';
import { StepwiseError } from './errors.js';
import { projectOptions } from './project-options.js';

export interface CompileTextOptions {
  /** relative file names and the fallback config folder are resolved here (default: process.cwd()) */
  cwd?: string;
  /** the environment provider names are read from (default: process.env) */
  env?: NodeJS.ProcessEnv;
}

/** The name a text without a file is compiled as: its title falls back to "workflow". */
export const DEFAULT_FILE = 'workflow.mdx';

export async function compileText(text: string, file: string = DEFAULT_FILE, options: CompileTextOptions = {}): Promise<CheckDocument> {
  if (typeof text !== 'string') throw new TypeError(`compile(text, file?): text must be the workflow's source as a string, got ${text === null ? 'null' : typeof text}`);
  const cwd = options.cwd ?? process.cwd();
  const folder = dirname(resolve(cwd, file));
  const project = await projectOptions(folder, cwd, options.env ?? process.env);
  if ('error' in project) throw new StepwiseError('config', project.error);
  // the fragments of include() are read from the workflow's folder under `cwd`, like its config
  return checkDocument(file, compile(text, file, { ...project.compile, folder }));
}
