import { defineConfig } from "vitest/config";

// End-to-end tests start real Chromium: generous hook timeouts, and no more
// workers than the 2 cores a build machine has.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    pool: "forks",
    maxWorkers: 2,
  },
});
