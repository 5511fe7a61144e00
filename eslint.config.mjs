// ESLint: the recommended JavaScript and typescript-eslint rules, plus the type-aware promise
// rules (a floating promise in the server or the client loses its error silently).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
    {
        ignores: ['out/**', 'bench/out/**', 'language/generated/**', 'syntaxes/**', 'test/vscode/node_modules/**', 'test/vscode/.vscode-test/**', '.vscode-test/**', 'test-results/**']
    },
    js.configs.recommended,
    tseslint.configs.recommended,
    {
        files: ['**/*.ts', '**/*.mts'],
        languageOptions: {
            parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname }
        },
        rules: {
            '@typescript-eslint/no-floating-promises': 'error',
            '@typescript-eslint/no-misused-promises': 'error',
            '@typescript-eslint/await-thenable': 'error',
            // The topology model is typed with the generated AST types: a cast to them is a sign of an untyped path.
            '@typescript-eslint/no-unnecessary-type-assertion': 'error'
        }
    },
    {
        files: ['**/*.mjs', '**/*.cjs'],
        // The Node globals the scripts use (the `globals` package is not a dependency).
        languageOptions: {
            globals: Object.fromEntries(['process', 'console', 'Buffer', 'URL', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance', 'structuredClone', 'fetch', 'AbortSignal'].map(name => [name, 'readonly']))
        }
    },
    {
        files: ['**/*.cjs'],
        languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', __filename: 'readonly' } },
        rules: { '@typescript-eslint/no-require-imports': 'off' }
    }
);
