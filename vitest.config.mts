import { defineConfig } from 'vitest/config';

// One runner for unit, contract, integration and browser tests. Redis-backed suites get a real
// redis-server from test/helpers/global-setup.ts; timing goals live in `npm run bench`, not here.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    env: { TZ: 'Asia/Shanghai', LOG_LEVEL: 'silent' },
  },
});
