import { defineConfig } from 'vitest/config';

// The benchmark's own tests (the generator writes valid topologies): `npx vitest run --config bench/vitest.config.ts`.
export default defineConfig({
    test: {
        include: ['bench/**/*.test.ts'],
        exclude: ['bench/out/**', 'node_modules/**'],
        testTimeout: 120_000
    }
});
