// Custom actions (docs/language.md §10): the author's own trusted code, run in Node.
import type { ActionDefinition } from './define.js';
import { StepError } from './errors.js';
import { redact, redactValue } from '../models/secrets.js';
import type { LeafExecutor } from './types.js';

export function customExecutor(definition: ActionDefinition): LeafExecutor {
  return async (context) => {
    const parsed = definition.schema.safeParse(context.attributes);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `\`${issue.path.join('.')}\`: ` : '';
      throw new StepError(`<${definition.name}> ${where}${issue?.message ?? 'invalid attributes'}`);
    }
    let output: unknown;
    try {
      output = await definition.execute({
        props: parsed.data,
        content: context.content,
        messages: context.messages,
        signal: context.signal,
        write: (chunk: string) => context.onTextDelta(redact(String(chunk))),
      });
    } catch (error) {
      if (context.signal.aborted) throw error;
      // the author's code may quote a service's reply, and with it a key
      throw new StepError(redact(`<${definition.name}> failed: ${(error as Error)?.message ?? String(error)}`));
    }
    return { output: output === undefined ? null : redactValue(output), usage: { inputTokens: 0, outputTokens: 0 } };
  };
}
