// The command line's one table of commands and options. The global help, each command's
// help, the did-you-mean for a mistyped command and the shell completion scripts are all
// generated from it, so they can never disagree.

export interface OptionDoc {
  /** `--model` */
  name: string;
  /** the value's placeholder (`ID`); absent for a flag */
  value?: string;
  /** completion offers workflow files (`file`), any path (`path`) or a folder (`dir`) */
  complete?: 'file' | 'path' | 'dir';
  description: string;
}

export interface CommandDoc {
  name: string;
  summary: string;
  /** usage lines, without the leading `stepwise ` */
  usage: string[];
  /** its line in the global help */
  synopsis: string;
  /** what the positional arguments are, for completion */
  operands: 'workflow' | 'workflows' | 'folder' | 'commands' | readonly string[];
  options: OptionDoc[];
  examples: string[];
  /** more text after the options (the config keys, say) */
  details?: () => string;
}

export const RUN_OPTIONS: OptionDoc[] = [
  { name: '--model', value: 'ID', description: 'use this model for every action (`--model echo` runs offline)' },
  { name: '--input', value: 'name=value', description: 'set an input; repeatable (arrays: repeat the name or give a JSON array)' },
  { name: '--inputs', value: 'FILE', complete: 'path', description: 'read inputs from a JSON or YAML file' },
  { name: '--headless', description: 'no TUI; also chosen automatically when stdout or stdin is not a terminal' },
  { name: '--json', description: 'headless: print one JSON document at the end instead of streaming text' },
  { name: '--out', value: 'DIR', complete: 'dir', description: 'save runs under DIR instead of next to the workflow' },
  { name: '--no-watch', description: 'do not recompile when the file changes' },
  { name: '--no-tools', description: 'refuse every tool call the model makes (it is told so and answers without them)' },
  { name: '--fresh', description: 'start an empty session; the saved ones stay on disk' },
  { name: '--timeout', value: 'SECONDS', description: 'fail a model call that sends no data for SECONDS (default 60, or `timeout` in stepwise.config.ts)' },
  { name: '--resume', value: '[DIR]', complete: 'dir', description: 'headless: continue the latest saved session (or the one in DIR)' },
];

const HELP_OPTION: OptionDoc = { name: '--help', description: 'show this help' };

export const COMMANDS: CommandDoc[] = [
  {
    name: 'run',
    summary: 'the same as `stepwise FILE`',
    usage: ['FILE [options]', 'run FILE [options]'],
    synopsis: 'run FILE [options]',
    operands: 'workflow',
    options: RUN_OPTIONS,
    examples: [
      'stepwise workflow.mdx                              open it in the TUI',
      'stepwise examples/poem.mdx --model echo            offline, with the echo model',
      'stepwise run workflow.mdx --headless > out.txt     the content alone in out.txt',
      'stepwise run workflow.mdx --json | jq .outputs     the results as JSON',
    ],
  },
  {
    name: 'check',
    summary: 'compile only; print diagnostics',
    usage: ['check FILE... [--json]'],
    synopsis: 'check FILE... [--json]',
    operands: 'workflows',
    options: [{ name: '--json', description: 'print one JSON document per file (title, description, inputs, phases, diagnostics)' }],
    examples: ['stepwise check workflow.mdx', 'stepwise check examples/*.mdx --json'],
  },
  {
    name: 'runs',
    summary: 'list the saved sessions of a workflow, most recently saved first',
    usage: ['runs FILE [--out DIR] [--json]'],
    synopsis: 'runs FILE [--out DIR] [--json]',
    operands: 'workflow',
    options: [
      { name: '--out', value: 'DIR', complete: 'dir', description: 'look under DIR (the --out the runs were saved with)' },
      { name: '--json', description: 'print an array of { dir, startedAt, updatedAt, status, stepsDone, stepsTotal, usage } (ISO times)' },
    ],
    examples: ['stepwise runs workflow.mdx', 'stepwise runs workflow.mdx --out runs', 'stepwise runs workflow.mdx --json | jq -r ".[0].dir"'],
    details: () =>
      'Sessions are saved in .stepwise/runs/<name>/ next to the workflow (or under --out DIR) as the run goes.\n' +
      'The TUI continues the latest one (--fresh starts another); headless, continue one with --resume [DIR].\n',
  },
  {
    name: 'list',
    summary: 'the workflows in a folder and whether each compiles',
    usage: ['list [DIR] [--json]'],
    synopsis: 'list [DIR] [--json]',
    operands: 'folder',
    options: [
      { name: '--json', description: 'print an array of { file, ok, title, description, inputs, errors, warnings } (description: its first line)' },
    ],
    examples: ['stepwise list', 'stepwise list examples', 'stepwise list --json | jq -r ".[] | select(.ok) | .file"'],
    details: () =>
      'DIR defaults to the current folder; its subfolders are not searched. Workflows are its .mdx files\n' +
      'and the .md files with frontmatter or an action tag (a README is not one). A workflow that does\n' +
      'not compile is listed with its error count; the exit code is 0 all the same (`stepwise check` fails on it).\n',
  },
  {
    name: 'config',
    summary: 'show or change your settings (API keys, providers)',
    usage: ['config list', 'config get KEY', 'config set KEY VALUE', 'config unset KEY'],
    synopsis: 'config get|set|unset|list [KEY] [VALUE]',
    operands: ['list', 'get', 'set', 'unset'],
    options: [],
    examples: ['stepwise config set openai.apiKey sk-...', 'stepwise config list'],
  },
  {
    name: 'init',
    summary: 'write a commented starter workflow',
    usage: ['init [FILE]'],
    synopsis: 'init [FILE]',
    operands: 'workflow',
    options: [],
    examples: ['stepwise init                write workflow.mdx', 'stepwise init story          write story.mdx', 'stepwise init flows/         write flows/workflow.mdx'],
    details: () => 'A FILE without an extension gets .mdx; a folder (or a name ending in /) gets workflow.mdx inside it.\nIt never overwrites an existing file. The starter uses the offline `echo` model.\n',
  },
  {
    name: 'completion',
    summary: 'print a shell completion script',
    usage: ['completion bash|zsh|fish'],
    synopsis: 'completion bash|zsh|fish',
    operands: ['bash', 'zsh', 'fish'],
    options: [],
    examples: [
      'stepwise completion bash > ~/.local/share/bash-completion/completions/stepwise',
      'stepwise completion zsh > "${fpath[1]}/_stepwise"',
      'stepwise completion fish > ~/.config/fish/completions/stepwise.fish',
    ],
  },
  {
    name: 'help',
    summary: "show a command's help",
    usage: ['help [COMMAND]'],
    synopsis: 'help [COMMAND]',
    operands: 'commands',
    options: [],
    examples: ['stepwise help check'],
  },
];

export function findCommand(name: string): CommandDoc | undefined {
  return COMMANDS.find((command) => command.name === name);
}

export const COMMAND_NAMES = COMMANDS.map((command) => command.name);

/** Every option a command takes, `--help` included. */
export function commandOptions(command: CommandDoc): OptionDoc[] {
  return [...command.options, HELP_OPTION];
}
