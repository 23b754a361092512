// Lint rules that enforce the layer boundaries of ARCHITECTURE.md: shared/ is pure, the core never
// touches Electron, only main/electron does, and the renderer reaches the core only through shared/.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'net', 'url', 'util', 'stream'];
const electron = { name: 'electron', message: 'Only main/electron may import electron (ARCHITECTURE.md, "Layers").' };

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'release/**', '.electron-sqlite/**', 'test-results/**', 'bench/results/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mjs,js}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': ['error', { paths: [electron] }],
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electron],
          patterns: [
            { group: nodeBuiltins, message: 'shared/ is pure TypeScript: no Node built-ins.' },
            { group: ['**/main/**', '**/renderer/**', 'react', 'react-dom'], message: 'shared/ imports nothing from the layers above it.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electron],
          patterns: [
            { group: nodeBuiltins, message: 'The renderer runs in a sandboxed page: no Node built-ins.' },
            { group: ['**/main/**'], message: 'The renderer talks to the core only through the contract in shared/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/electron/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['tests/**'],
    rules: {
      // Tests may use type-only imports of electron for fakes, never the runtime package.
      'no-restricted-imports': ['error', { paths: [{ ...electron, allowTypeImports: true }] }],
    },
  },
);
