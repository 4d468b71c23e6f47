// conf, loaded on first use: most starts never read the user's settings, and loading it
// costs start-up time before the first frame. (Node >= 20.19 can require() ES modules.)
import { createRequire } from 'node:module';
import type ConfType from 'conf';

const require = createRequire(import.meta.url);

export function confClass(): typeof ConfType {
  return (require('conf') as { default: typeof ConfType }).default;
}
