// The component tests must render with the Ink users get: the TUI bundle puts
// components/ink-patches/ in place of parts of Ink, and vitest.config.ts does the same for
// the tests from the same table (components/ink-patches/substitutions.ts).
import React from 'react';
import { Box, Text } from 'ink';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'ink-testing-library';
import { FrameCache } from '../../components/ink-patches/frame-cache.js';
import { INK_PATCHES, inkPatchFor } from '../../components/ink-patches/substitutions.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Ink in the component tests', () => {
  it('measures text and draws the screen with our patches, as the TUI bundle does', () => {
    const asked: string[] = [];
    const get = FrameCache.prototype.get;
    vi.spyOn(FrameCache.prototype, 'get').mockImplementation(function (this: FrameCache<unknown>, key, make) {
      asked.push(key);
      return get.call(this, key, make);
    });
    const { lastFrame, unmount } = render(
      <Box borderStyle="round" width={24}>
        <Text>measured by the patch</Text>
      </Box>,
    );
    expect(lastFrame()).toBe(['╭──────────────────────╮', '│measured by the patch │', '╰──────────────────────╯'].join('\n'));
    unmount();
    // measure-text keeps each text's size; output keeps each written line's cells
    expect(asked).toContain('measured by the patch');
    expect(asked).toContain('╭──────────────────────╮');
  });
});

describe('the substitution table', () => {
  it("swaps a patch in only where Ink's own build files import it", () => {
    const renderer = '/app/node_modules/ink/build/renderer.js';
    expect(inkPatchFor('./output.js', renderer)).toBe('output');
    expect(inkPatchFor('./measure-text.js', '/app/node_modules/ink/build/dom.js')).toBe('measure-text');
    expect(inkPatchFor('widest-line', 'C:\\app\\node_modules\\ink\\build\\measure-text.js')).toBe('widest-line');
    expect(inkPatchFor('is-in-ci', '/app/node_modules/ink/build/write-synchronized.js')).toBe('in-ci');
    expect(inkPatchFor('./output.js', '/app/components/ink-patches/output.ts')).toBeUndefined();
    expect(inkPatchFor('widest-line', '/app/node_modules/cli-truncate/index.js')).toBeUndefined();
    expect(inkPatchFor('./renderer.js', renderer)).toBeUndefined();
    expect(inkPatchFor('toString', renderer)).toBeUndefined();
    expect(Object.values(INK_PATCHES)).toEqual(['output', 'measure-text', 'widest-line', 'in-ci']);
  });
});
