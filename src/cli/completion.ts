// `stepwise completion bash|zsh|fish`: a completion script for the commands, their
// options and workflow files (.md, .mdx), generated from the command table.
import { COMMANDS, COMMAND_NAMES, RUN_OPTIONS, commandOptions, type CommandDoc, type OptionDoc } from './commands.js';
import { usageError } from './args.js';
import { SETTINGS_KEYS } from '../models/settings-keys.js';
import type { CliIO } from './io.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
type Shell = (typeof SHELLS)[number];

const TOP_FLAGS = ['--help', '--version'];

function names(options: OptionDoc[]): string {
  return options.map((option) => option.name).join(' ');
}

function operandWords(command: CommandDoc): string[] {
  if (command.operands === 'commands') return COMMAND_NAMES;
  return typeof command.operands === 'string' ? [] : [...command.operands];
}

function takesWorkflows(command: CommandDoc): boolean {
  return command.operands === 'workflow' || command.operands === 'workflows';
}

/** Options whose value is a path, by the kind of path. */
function valueOptions(kind: OptionDoc['complete']): string[] {
  const all = COMMANDS.flatMap((command) => command.options);
  return [...new Set(all.filter((option) => option.complete === kind).map((option) => option.name))];
}

/** Options that always take the next word as their value (not `--resume [DIR]`). */
function valueTakers(): string[] {
  const all = COMMANDS.flatMap((command) => command.options);
  return [...new Set(all.filter((option) => option.value && !option.value.startsWith('[')).map((option) => option.name))];
}

/** What `config get|set|unset` completes: the fixed keys, and `providers.` for a provider of yours. */
function settingsKeyWords(): string[] {
  const fixed = SETTINGS_KEYS.map((entry) => entry.key).filter((key) => !key.split('.').some((segment) => segment === 'NAME' || segment === 'HEADER'));
  return [...fixed, 'providers.'];
}

function plainValueOptions(): string[] {
  const all = COMMANDS.flatMap((command) => command.options);
  return [...new Set(all.filter((option) => option.value && !option.complete).map((option) => option.name))];
}

function bash(): string {
  const cases = COMMANDS.map((command) => {
    const words = operandWords(command);
    const parts = [`opts="${names(commandOptions(command))}"`];
    if (words.length) parts.push(`words="${words.join(' ')}"`);
    if (takesWorkflows(command)) parts.push('workflows=1');
    if (command.operands === 'folder') parts.push('dirs=1');
    return `    ${command.name}) ${parts.join('; ')} ;;`;
  }).join('\n');
  return `# stepwise completion for bash: source it, or save it as
#   ~/.local/share/bash-completion/completions/stepwise
_stepwise_workflows() {
  local IFS=$'\\n'
  COMPREPLY+=( $(compgen -d -- "$1") $(compgen -f -X '!*.md' -- "$1") $(compgen -f -X '!*.mdx' -- "$1") )
}
_stepwise() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  COMPREPLY=()
  case "$prev" in
    ${valueOptions('path').join('|')}) local IFS=$'\\n'; COMPREPLY=( $(compgen -f -- "$cur") ); return ;;
    ${valueOptions('dir').join('|')}) local IFS=$'\\n'; COMPREPLY=( $(compgen -d -- "$cur") ); return ;;
    ${plainValueOptions().join('|')}) return ;;
  esac
  # the command is the first word that is neither an option nor an option's value; run
  # options may come first (\`stepwise --model echo x.mdx\`), and then the command is run
  local cmd="" word skip="" options="" n=0
  for word in "\${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
    if [[ -n "$skip" ]]; then skip=""; continue; fi
    case "$word" in
      ${valueTakers().join('|')}) skip=1; options=1 ;;
      -*) options=1 ;;
      *) n=$((n + 1)); [[ -z "$cmd" ]] && cmd="$word" ;;
    esac
  done
  [[ -z "$cmd" && -n "$options" ]] && cmd=run
  local opts="" words="" workflows="" dirs=""
  case "$cmd" in
    "") opts="${[...TOP_FLAGS, ...RUN_OPTIONS.map((option) => option.name)].join(' ')}"; words="${COMMAND_NAMES.join(' ')}"; workflows=1 ;;
${cases}
    *) opts="${names(commandOptions(COMMANDS[0]!))}" ;;
  esac
  # a command's own words (config's subcommands, a shell) come once, right after it
  (( n > 1 )) && words=""
  [[ "$cmd" == config && n -eq 2 && "$prev" =~ ^(get|set|unset)$ ]] && words="${settingsKeyWords().join(' ')}"
  if [[ "$cur" == -* ]]; then
    COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
    return
  fi
  [[ -n "$words" ]] && COMPREPLY=( $(compgen -W "$words" -- "$cur") )
  # \`providers.\` goes on with a name of yours: no space after it
  [[ \${#COMPREPLY[@]} -eq 1 && "\${COMPREPLY[0]}" == *. ]] && compopt -o nospace 2>/dev/null
  [[ -n "$workflows" ]] && _stepwise_workflows "$cur"
  [[ -n "$dirs" ]] && { local IFS=$'\\n'; COMPREPLY+=( $(compgen -d -- "$cur") ); }
}
complete -o filenames -F _stepwise stepwise
`;
}

function zshQuote(text: string): string {
  return text.replace(/'/g, `'\\''`).replace(/[[\]:]/g, '\\$&');
}

function zshSpec(option: OptionDoc): string {
  const action = option.complete === 'dir' ? ':dir:_files -/' : option.complete ? ':file:_files' : option.value ? `:${option.value}: ` : '';
  return `'${option.name}[${zshQuote(option.description)}]${action}'`;
}

function zsh(): string {
  const cases = COMMANDS.map((command) => {
    const specs = commandOptions(command).map(zshSpec);
    const words = operandWords(command);
    if (words.length) specs.push(`'1:${command.name === 'help' ? 'command' : 'subcommand'}:(${words.join(' ')})'`);
    if (takesWorkflows(command)) specs.push(`'*:workflow:_files -g "*.(md|mdx)"'`);
    if (command.operands === 'folder') specs.push(`'1:folder:_files -/'`);
    return `    ${command.name}) _arguments ${specs.join(' ')} ;;`;
  }).join('\n');
  const commands = COMMANDS.map((command) => `'${command.name}:${zshQuote(command.summary)}'`).join(' ');
  return `#compdef stepwise
# stepwise completion for zsh: save it as _stepwise in a folder on your $fpath
_stepwise() {
  local -a commands
  commands=(${commands})
  if (( CURRENT == 2 )); then
    _describe -t commands 'stepwise command' commands
    _files -g '*.(md|mdx)'
    return
  fi
  case "$words[2]" in
${cases}
    *) _arguments ${RUN_OPTIONS.map(zshSpec).join(' ')} '*:workflow:_files -g "*.(md|mdx)"' ;;
  esac
}
_stepwise "$@"
`;
}

function fishQuote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function fish(): string {
  const lines = [
    '# stepwise completion for fish: save it as ~/.config/fish/completions/stepwise.fish',
    'complete -c stepwise -f',
  ];
  // `stepwise FILE --model ID` and `stepwise --model ID FILE` are runs without the word `run`:
  // run options and workflow files go on until a command has been typed
  const noCommand = `not __fish_seen_subcommand_from ${COMMAND_NAMES.join(' ')}`;
  lines.push(`complete -c stepwise -n '${noCommand}' -a '(__fish_complete_suffix .md; __fish_complete_suffix .mdx)'`);
  for (const command of COMMANDS) {
    lines.push(`complete -c stepwise -n '__fish_use_subcommand' -a ${command.name} -d ${fishQuote(command.summary)}`);
  }
  for (const option of [...RUN_OPTIONS]) {
    lines.push(fishOption(option, noCommand));
  }
  for (const command of COMMANDS) {
    const when = `__fish_seen_subcommand_from ${command.name}`;
    for (const option of commandOptions(command)) lines.push(fishOption(option, when));
    const words = operandWords(command);
    if (words.length) lines.push(`complete -c stepwise -n '${when}' -a '${words.join(' ')}'`);
    if (takesWorkflows(command)) lines.push(`complete -c stepwise -n '${when}' -a '(__fish_complete_suffix .md; __fish_complete_suffix .mdx)'`);
    if (command.operands === 'folder') lines.push(`complete -c stepwise -n '${when}' -a '(__fish_complete_directories)'`);
  }
  return `${lines.join('\n')}\n`;
}

function fishOption(option: OptionDoc, when: string): string {
  const value = option.complete === 'dir' ? " -r -a '(__fish_complete_directories)'" : option.complete ? ' -r -F' : option.value ? ' -r' : '';
  return `complete -c stepwise -n '${when}' -l ${option.name.slice(2)}${value} -d ${fishQuote(option.description)}`;
}

export function completionScript(shell: Shell): string {
  return shell === 'bash' ? bash() : shell === 'zsh' ? zsh() : fish();
}

export function runCompletionCommand(args: string[], io: CliIO): number {
  const [shell, ...rest] = args;
  if (!shell || rest.length || !SHELLS.includes(shell as Shell)) {
    const said = shell ? `unknown shell \`${shell}\`` : 'missing shell';
    io.stderr(`${usageError(`${said}: write \`stepwise completion bash\`, \`zsh\` or \`fish\``)}\n`);
    return 2;
  }
  io.stdout(completionScript(shell as Shell));
  return 0;
}
