// Help texts, generated from the command table: the global `stepwise --help` and each
// command's own (`stepwise check --help`, `stepwise help check`).
import { COMMANDS, RUN_OPTIONS, commandOptions, type CommandDoc, type OptionDoc } from './commands.js';

function optionRows(options: OptionDoc[]): string {
  const labels = options.map((option) => (option.value ? `${option.name} ${option.value}` : option.name));
  const width = Math.max(...labels.map((label) => label.length)) + 2;
  return options.map((option, index) => `  ${labels[index]!.padEnd(width)}${option.description}\n`).join('');
}

export function commandHelp(command: CommandDoc): string {
  const usage = command.usage.map((line, index) => `${index === 0 ? 'Usage: ' : '       '}stepwise ${line}\n`).join('');
  const examples = command.examples.map((example) => `  ${example}\n`).join('');
  return (
    `stepwise ${command.name}: ${command.summary}\n\n${usage}\nOptions:\n${optionRows(commandOptions(command))}` +
    (command.details ? `\n${command.details()}` : '') +
    `\nExamples:\n${examples}`
  );
}

export function globalHelp(): string {
  const rows = COMMANDS.map((command) => [`stepwise ${command.synopsis}`, command.summary] as const);
  const width = Math.max(...rows.map(([usage]) => usage.length)) + 2;
  return `stepwise: write, run and step through Markdown/MDX LLM workflows

Usage:
  ${'stepwise FILE [options]'.padEnd(width)}open the TUI on FILE (headless without a terminal)
${rows.map(([usage, summary]) => `  ${usage.padEnd(width)}${summary}\n`).join('')}  ${'stepwise --help | --version'.padEnd(width)}this help, or the bare version number

Run options:
${optionRows(RUN_OPTIONS)}
Exit codes: 0 success; 1 the workflow failed at run time;
            2 usage error, compile error, or a missing/invalid input.

Examples:
  stepwise init                              write workflow.mdx to start from
  stepwise workflow.mdx                      open it in the TUI
  stepwise check examples/*.mdx              compile the examples and list problems
  stepwise run examples/poem.mdx --headless --model echo --input topic=rain
  stepwise config set KEY VALUE              store a setting, e.g. an API key

Each command has its own help: \`stepwise help COMMAND\` or \`stepwise COMMAND --help\`.
`;
}
