import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { legacySettingsDir, settingsDir } from '../../src/models/settings-dir.js';
import { openKeyStore } from '../../src/models/keys.js';
import { loadRememberedInputs } from '../../components/remembered-inputs.js';

let root: string;
let home: string;
let xdg: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'stepwise-dir-'));
  home = join(root, 'home');
  xdg = join(root, 'xdg');
  mkdirSync(home);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function oldFolder(at: string): void {
  mkdirSync(at, { recursive: true });
  writeFileSync(join(at, 'config.json'), JSON.stringify({ openai: { apiKey: 'sk-old' } }));
  writeFileSync(join(at, 'inputs.json'), JSON.stringify({ '/w/a.mdx': { topic: 'rain' } }));
}

describe('settingsDir', () => {
  it('is $XDG_CONFIG_HOME/stepwise, without the -nodejs suffix conf added', () => {
    expect(settingsDir({ HOME: home, XDG_CONFIG_HOME: xdg }, 'linux')).toBe(join(xdg, 'stepwise'));
    const store = openKeyStore({ HOME: home, XDG_CONFIG_HOME: xdg });
    store.set('openai.apiKey', 'sk-new');
    expect(store.path).toBe(join(xdg, 'stepwise', 'config.json'));
    expect(JSON.parse(readFileSync(join(xdg, 'stepwise', 'config.json'), 'utf8'))).toEqual({ openai: { apiKey: 'sk-new' } });
  });

  it('is ~/.config/stepwise without XDG_CONFIG_HOME, or when it is not an absolute path', () => {
    expect(settingsDir({ HOME: home }, 'linux')).toBe(join(home, '.config', 'stepwise'));
    expect(settingsDir({ HOME: home, XDG_CONFIG_HOME: 'relative/xdg' }, 'linux')).toBe(join(home, '.config', 'stepwise'));
    expect(settingsDir({ HOME: home }, 'darwin')).toBe(join(home, '.config', 'stepwise'));
  });

  it('is %APPDATA%\\stepwise on Windows', () => {
    expect(settingsDir({ USERPROFILE: 'C:\\Users\\ada', APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'win32')).toBe(
      'C:\\Users\\ada\\AppData\\Roaming\\stepwise',
    );
  });

  it('STEPWISE_CONFIG_DIR wins over everything', () => {
    const mine = join(root, 'mine');
    expect(settingsDir({ HOME: home, XDG_CONFIG_HOME: xdg, STEPWISE_CONFIG_DIR: mine }, 'linux')).toBe(mine);
    expect(openKeyStore({ HOME: home, XDG_CONFIG_HOME: xdg, STEPWISE_CONFIG_DIR: mine }).path).toBe(join(mine, 'config.json'));
  });

  it('knows where conf kept the settings on each system', () => {
    expect(legacySettingsDir({ HOME: home, XDG_CONFIG_HOME: xdg }, 'linux')).toBe(join(xdg, 'stepwise-nodejs'));
    expect(legacySettingsDir({ HOME: home }, 'linux')).toBe(join(home, '.config', 'stepwise-nodejs'));
    expect(legacySettingsDir({ HOME: home, XDG_CONFIG_HOME: xdg }, 'darwin')).toBe(join(home, 'Library', 'Preferences', 'stepwise-nodejs'));
    expect(legacySettingsDir({ APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'win32')).toBe(
      'C:\\Users\\ada\\AppData\\Roaming\\stepwise-nodejs\\Config',
    );
  });
});

describe('moving the settings conf kept', () => {
  it('moves ~/.config/stepwise-nodejs to ~/.config/stepwise, contents kept and the old folder gone', () => {
    const old = join(home, '.config', 'stepwise-nodejs');
    oldFolder(old);
    expect(settingsDir({ HOME: home }, 'linux')).toBe(join(home, '.config', 'stepwise'));
    expect(existsSync(old)).toBe(false);
    expect(openKeyStore({ HOME: home }).get('openai.apiKey')).toBe('sk-old');
    expect(loadRememberedInputs('/w/a.mdx', { HOME: home })).toEqual({ topic: 'rain' });
  });

  it('moves $XDG_CONFIG_HOME/stepwise-nodejs when whichever store opens first', () => {
    oldFolder(join(xdg, 'stepwise-nodejs'));
    expect(loadRememberedInputs('/w/a.mdx', { HOME: home, XDG_CONFIG_HOME: xdg })).toEqual({ topic: 'rain' });
    expect(existsSync(join(xdg, 'stepwise-nodejs'))).toBe(false);
    expect(readFileSync(join(xdg, 'stepwise', 'config.json'), 'utf8')).toBe(JSON.stringify({ openai: { apiKey: 'sk-old' } }));
  });

  it('leaves both alone once the new folder exists', () => {
    oldFolder(join(xdg, 'stepwise-nodejs'));
    mkdirSync(join(xdg, 'stepwise'), { recursive: true });
    expect(openKeyStore({ HOME: home, XDG_CONFIG_HOME: xdg }).get('openai.apiKey')).toBeUndefined();
    expect(existsSync(join(xdg, 'stepwise-nodejs', 'config.json'))).toBe(true);
  });

  it('never moves anything when STEPWISE_CONFIG_DIR is set', () => {
    oldFolder(join(xdg, 'stepwise-nodejs'));
    const mine = join(root, 'mine');
    expect(openKeyStore({ HOME: home, XDG_CONFIG_HOME: xdg, STEPWISE_CONFIG_DIR: mine }).get('openai.apiKey')).toBeUndefined();
    expect(existsSync(join(xdg, 'stepwise-nodejs', 'config.json'))).toBe(true);
    expect(existsSync(mine)).toBe(false);
    expect(existsSync(join(xdg, 'stepwise'))).toBe(false);
  });
});
