// ESLint flat config. Prettier owns formatting (`prettier --check` runs in `npm run lint`).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import prettier from 'eslint-config-prettier'

const platformSdks = [
  { group: ['@tarojs/*'], message: 'shared/ is pure domain code: no Taro imports.' },
  { group: ['wx-server-sdk', 'wx-server-sdk/*'], message: 'shared/ is pure domain code: no wx-server-sdk.' },
  { group: ['@cloudbase/*'], message: 'shared/ is pure domain code: no CloudBase SDKs.' },
  {
    group: ['node:*', 'fs', 'path', 'crypto', 'http', 'os'],
    message: 'shared/ runs on both sides: no Node built-ins.',
  },
]

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.data/',
      '.tmp/',
      'coverage/',
      '**/*.d.ts',
      'miniprogram/babel.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: platformSdks }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'shared/ never reads the clock: take `now` as a parameter (Clock port).',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'shared/ never reads the clock: take `now` as a parameter (Clock port).',
        },
        {
          selector: "CallExpression[callee.name='dayjs'][arguments.length=0]",
          message: 'shared/ never reads the clock: take `now` as a parameter (Clock port).',
        },
      ],
    },
  },
  {
    files: ['miniprogram/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='Taro'][property.name='cloud']",
          message: 'Only src/platform/ touches Taro.cloud: call a service instead.',
        },
      ],
    },
  },
  {
    files: ['miniprogram/src/platform/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
)
