// Where the user's settings live, shared by every store kept there (config.json, inputs.json).
import { homedir } from 'node:os';
import { posix, resolve, win32 } from 'node:path';
import { moveLegacySettings } from './legacy-settings.js';

/**
 * STEPWISE_CONFIG_DIR when set; else $XDG_CONFIG_HOME/stepwise (when absolute); else
 * ~/.config/stepwise, or %APPDATA%\stepwise on Windows. The first time the folder is
 * looked for, the one the `conf` package used to keep is moved here (never when
 * STEPWISE_CONFIG_DIR is set: that folder is the user's to manage).
 */
export function settingsDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.STEPWISE_CONFIG_DIR) return resolve(env.STEPWISE_CONFIG_DIR);
  const dir = defaultSettingsDir(env, platform);
  moveLegacySettings(legacySettingsDir(env, platform), dir);
  return dir;
}

function defaultSettingsDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  const path = platform === 'win32' ? win32 : posix;
  const xdg = env.XDG_CONFIG_HOME;
  // The XDG spec says a relative value is invalid and must be ignored.
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'stepwise');
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home(env, platform), 'AppData', 'Roaming'), 'stepwise');
  return path.join(home(env, platform), '.config', 'stepwise');
}

/** The folder `conf` (through env-paths) chose for projectName 'stepwise', before settingsDir existed. */
export function legacySettingsDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  const path = platform === 'win32' ? win32 : posix;
  const name = 'stepwise-nodejs';
  if (platform === 'darwin') return path.join(home(env, platform), 'Library', 'Preferences', name);
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home(env, platform), 'AppData', 'Roaming'), name, 'Config');
  return path.join(env.XDG_CONFIG_HOME || path.join(home(env, platform), '.config'), name);
}

function home(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  return (platform === 'win32' ? env.USERPROFILE : env.HOME) || homedir();
}
