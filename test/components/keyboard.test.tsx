// Keys that reach the app together (auto-repeat, a slow link, typing while it is busy) all
// count, each handled against the frame the key before it left, by every listener in step.
import { useState } from 'react';
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { useCurrentInput } from '../../components/hooks/useCurrentInput.js';
import { KeyboardProvider } from '../../components/hooks/KeyboardProvider.js';
import { KEYS, waitForFrame } from '../support/ink.js';

let unmount: (() => void) | null = null;
afterEach(() => {
  unmount?.();
  unmount = null;
});

function mount(element: React.ReactElement) {
  const ui = render(element);
  unmount = ui.unmount;
  return ui;
}

/** A selection moved as App moves it: from the value this render shows, not a functional update. */
function Selection() {
  const [row, setRow] = useState(0);
  useCurrentInput((_input, key) => {
    if (key.downArrow) setRow(row + 1);
    if (key.upArrow) setRow(row - 1);
  });
  return <Text>row {row}</Text>;
}

describe('the keyboard', () => {
  it('four ↓ in one write move four rows, and ↑↓↓ after them one more', async () => {
    const ui = mount(<Selection />);
    await waitForFrame(ui, (frame) => frame === 'row 0');
    ui.stdin.write(KEYS.down.repeat(4));
    await waitForFrame(ui, (frame) => frame === 'row 4');
    ui.stdin.write(KEYS.up + KEYS.down + KEYS.down);
    await waitForFrame(ui, (frame) => frame === 'row 5');
  });

  it('a key is for the listeners that were active when it came: an Enter that closes a form does not also reach the screen behind it', async () => {
    const seen: string[] = [];
    function Screen() {
      const [formOpen, setFormOpen] = useState(true);
      useCurrentInput((input, key) => void (key.return && setFormOpen(false)), { isActive: formOpen });
      useCurrentInput((input) => void seen.push(`screen ${JSON.stringify(input)}`), { isActive: !formOpen });
      return <Text>{formOpen ? 'form' : 'screen'}</Text>;
    }
    const ui = mount(<Screen />);
    await waitForFrame(ui, (frame) => frame === 'form');
    ui.stdin.write('\r\r');
    await waitForFrame(ui, (frame) => frame === 'screen');
    await waitForFrame(ui, () => seen.length === 1);
    expect(seen).toEqual(['screen "\\r"']);
  });

  it('a listener that a key opens gets the keys after it in the same write', async () => {
    const prompt: string[] = [];
    function Prompt() {
      useCurrentInput((input, key) => void prompt.push(key.return ? 'Enter' : input));
      return <Text>prompt</Text>;
    }
    function Screen() {
      const [open, setOpen] = useState(false);
      useCurrentInput((input) => void (input === 'f' && setOpen(true)), { isActive: !open });
      return open ? <Prompt /> : <Text>screen</Text>;
    }
    const ui = mount(<Screen />);
    await waitForFrame(ui, (frame) => frame === 'screen');
    ui.stdin.write('f\rmore\r');
    await waitForFrame(ui, () => prompt.length === 3);
    expect(prompt).toEqual(['Enter', 'more', 'Enter']);
  });

  it('inside the provider, a screen opened over another hears a key first and may keep it from the one below', async () => {
    const below: string[] = [];
    const over: string[] = [];
    function Over() {
      // keeps every key but Tab
      useCurrentInput((input, key) => {
        over.push(key.tab ? 'Tab' : input);
        return !key.tab;
      });
      return <Text>over</Text>;
    }
    function Below() {
      const [open, setOpen] = useState(false);
      useCurrentInput((input, key) => {
        below.push(key.tab ? 'Tab' : input);
        if (input === 'o') setOpen(true);
      });
      return open ? <Over /> : <Text>below</Text>;
    }
    const ui = mount(
      <KeyboardProvider>
        <Below />
      </KeyboardProvider>,
    );
    await waitForFrame(ui, (frame) => frame === 'below');
    ui.stdin.write('o');
    await waitForFrame(ui, (frame) => frame === 'over');
    ui.stdin.write('x');
    ui.stdin.write(KEYS.tab);
    ui.stdin.write('y');
    await waitForFrame(ui, () => over.length === 3);
    expect(over).toEqual(['x', 'Tab', 'y']);
    expect(below).toEqual(['o', 'Tab']);
  });

  it('tells Backspace (which Ink calls delete) from the Delete key', async () => {
    const keys: string[] = [];
    function Recorder() {
      useCurrentInput((_input, key) => void keys.push(`${key.backspace ? 'backspace' : ''}${key.delete ? 'delete' : ''}${key.meta ? '+alt' : ''}`));
      return <Text>keys</Text>;
    }
    const ui = mount(<Recorder />);
    await waitForFrame(ui, (frame) => frame === 'keys');
    for (const sequence of [KEYS.backspace, '\b', '\x1b[3~', '\x1b\x7f', 'ab\x7f']) ui.stdin.write(sequence);
    await waitForFrame(ui, () => keys.length === 6);
    expect(keys).toEqual(['backspace', 'backspace', 'delete', 'backspace+alt', '', 'backspace']);
  });
});
