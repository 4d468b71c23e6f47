// Keys that reach the app in one chunk are split into the keys Ink reports when each comes
// alone: checked here against Ink itself, key by key.
import { useInput, Text, type Key } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { splitKeypresses } from '../../components/hooks/keypresses.js';
import { ticks } from '../support/ink.js';

/** What Ink's useInput reports for each chunk written on its own. */
async function inkReports(chunks: string[]): Promise<Array<{ input: string; key: Key }>> {
  const reports: Array<{ input: string; key: Key }> = [];
  function Recorder() {
    useInput((input, key) => void reports.push({ input, key }));
    return <Text>keys</Text>;
  }
  const ui = render(<Recorder />);
  await ticks();
  for (const chunk of chunks) {
    ui.stdin.write(chunk);
    await ticks();
  }
  ui.unmount();
  return reports;
}

const CONTROLS = ['\r', '\n', '\t', '\b', '\x7f', '\x01', '\x05', '\x15', '\x03'];

describe('splitKeypresses', () => {
  it('gives each control key inside a chunk the input and key Ink gives it alone', async () => {
    const alone = await inkReports(CONTROLS);
    const chunks = await inkReports(CONTROLS.map((char) => `ab${char}Cd`));
    chunks.forEach(({ input, key }, index) => {
      expect(splitKeypresses(input, key)).toEqual([
        { input: 'ab', key: expect.objectContaining({ return: false, ctrl: false, shift: false }) },
        alone[index],
        { input: 'Cd', key: expect.objectContaining({ return: false, ctrl: false, shift: false }) },
      ]);
    });
  });

  it('keeps plain text whole: typing into a field, a paste', async () => {
    const [text] = await inkReports(['nn?']);
    expect(splitKeypresses(text!.input, text!.key)).toEqual([text]);
  });

  it('leaves a single key, or a key Ink already recognised, as it is', async () => {
    const [enter, up] = await inkReports(['\r', '\x1b[A']);
    expect(splitKeypresses(enter!.input, enter!.key)).toEqual([enter]);
    expect(splitKeypresses(up!.input, up!.key)).toEqual([up]);
  });
});
