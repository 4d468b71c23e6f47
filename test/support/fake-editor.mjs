#!/usr/bin/env node
// A stand-in for $EDITOR in tests, editing FILE (its last argument) like a user who typed
// and saved, then exiting as an editor would.
//   node fake-editor.mjs [--upper] [--append TEXT] [--exit N] FILE   edit as the flags say
//   node fake-editor.mjs FILE   with no flags: FILE becomes $FAKE_EDITOR_TEXT (default ''),
//                               or, when $FAKE_EDITOR_APPEND is set, gets it appended
// With --exit N (N > 0) nothing is saved, like quitting without saving.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';

const args = process.argv.slice(2);
const file = args.pop();
if (args.length === 0) {
  if (process.env.FAKE_EDITOR_APPEND !== undefined) appendFileSync(file, process.env.FAKE_EDITOR_APPEND);
  else writeFileSync(file, process.env.FAKE_EDITOR_TEXT ?? '');
  process.exit(0);
}
let text = readFileSync(file, 'utf8');
let exitCode = 0;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--upper') text = text.toUpperCase();
  else if (args[i] === '--append') text += args[++i];
  else if (args[i] === '--exit') exitCode = Number(args[++i]);
}
if (exitCode === 0) writeFileSync(file, text);
process.exit(exitCode);
