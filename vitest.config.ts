import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    testTimeout: 20000,
    hookTimeout: 30000,
    env: { FORCE_COLOR: '0', STEPWISE_ECHO_DELAY_MS: '0' },
  },
});
