// An image input reaches the provider the same way whether the step streams or not: both
// paths send the prompt of one converter (src/models/to-provider-prompt.ts).
import { describe, expect, it } from 'vitest';
import type { LanguageModelV3, LanguageModelV3Prompt } from '@ai-sdk/provider';
import { generate } from '../../src/models/generate.js';
import { createEchoModel } from '../../src/models/echo.js';
import type { ChatMessage } from '../../src/models/types.js';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** The echo model, remembering the prompt of every call it gets. */
function recordingModel(prompts: LanguageModelV3Prompt[]): LanguageModelV3 {
  const echo = createEchoModel('last', { delayMs: 0 });
  return {
    ...echo,
    doGenerate: (call) => (prompts.push(call.prompt), echo.doGenerate(call)),
    doStream: (call) => (prompts.push(call.prompt), echo.doStream(call)),
  };
}

async function promptSent(messages: ChatMessage[], stream: boolean): Promise<LanguageModelV3Prompt> {
  const prompts: LanguageModelV3Prompt[] = [];
  const config = { providers: { recorder: () => recordingModel(prompts) } };
  await generate({ modelId: 'recorder:any', messages, stream }, { config, env: {} });
  expect(prompts).toHaveLength(1);
  return prompts[0]!;
}

const image = { type: 'image' as const, image: PNG, mediaType: 'image/png' };
const messages: ChatMessage[] = [
  { role: 'system', content: [{ type: 'text', text: 'Describe images.' }, image] },
  { role: 'user', content: [{ type: 'text', text: 'What is this?' }, image] },
  { role: 'assistant', content: [{ type: 'text', text: 'This one:' }, image] },
  { role: 'user', content: 'And now?' },
];

describe('the prompt a provider receives', () => {
  it('is the same for a streaming step and a stream={false} one, images included', async () => {
    const streamed = await promptSent(messages, true);
    const whole = await promptSent(messages, false);
    const file = { type: 'file', data: PNG, mediaType: 'image/png' };
    expect(streamed).toEqual([
      { role: 'system', content: 'Describe images.\n[image image/png]' },
      { role: 'user', content: [{ type: 'text', text: 'What is this?' }, file] },
      { role: 'assistant', content: [{ type: 'text', text: 'This one:' }, file] },
      { role: 'user', content: [{ type: 'text', text: 'And now?' }] },
    ]);
    expect(whole).toEqual(streamed);
  });
});
