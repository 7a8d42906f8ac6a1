// Lint rules, including the architecture's boundaries (DESIGN.md §2): protocol imports no app,
// domain/ never imports http/ or realtime/, the chatflow engine has no I/O, the widget never imports dashboard code.
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', '.tmp/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/test/**', '**/e2e/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  { files: ['packages/protocol/src/**'], rules: restrict([{ group: ['**/apps/**', '@parley/server', '@parley/widget', '@parley/dashboard'], message: 'protocol imports no app' }]) },
  {
    // The chatflow engine runs in the loader, the server and the dashboard: no I/O, no DOM, no Node.
    files: ['packages/chatflow/src/**'],
    rules: {
      ...restrict([{ group: ['node:*', '**/apps/**', '@parley/server', '@parley/widget', '@parley/dashboard'], message: 'the chatflow engine is pure and imports no app' }]),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'fetch', 'process', 'Buffer', 'setTimeout', 'setInterval', 'Date', 'console'],
    },
  },
  {
    files: ['apps/server/src/domain/**'],
    rules: restrict([{ group: ['**/http/**', '**/realtime/**', 'fastify', 'ws'], message: 'domain/ has no HTTP or sockets' }]),
  },
  { files: ['packages/emoji/src/**'], rules: restrict([{ group: ['**/apps/**', '@parley/server', '@parley/widget', '@parley/dashboard'], message: 'the emoji picker imports no app' }]) },
  { files: ['packages/richtext/src/**'], rules: restrict([{ group: ['**/apps/**', '@parley/server', '@parley/widget', '@parley/dashboard'], message: 'rich text imports no app' }]) },
  { files: ['apps/widget/src/**'], rules: restrict([{ group: ['**/dashboard/**', '@parley/dashboard'], message: 'the widget never imports dashboard code' }]) },
  { files: ['apps/dashboard/src/**'], rules: restrict([{ group: ['**/widget/**', '@parley/widget'], message: 'the inbox never imports widget code' }]) },
);
