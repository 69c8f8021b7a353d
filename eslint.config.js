import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// HTML sinks and dynamic code: glossary text is data and must only ever reach the page as text.
const forbiddenSinks = [
  {
    selector: "MemberExpression[property.name='innerHTML']",
    message: 'No innerHTML: render text.',
  },
  {
    selector: "MemberExpression[property.name='outerHTML']",
    message: 'No outerHTML: render text.',
  },
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
    message: 'No insertAdjacentHTML.',
  },
  {
    selector: "CallExpression[callee.object.name='document'][callee.property.name=/^write(ln)?$/]",
    message: 'No document.write.',
  },
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'No dangerouslySetInnerHTML.',
  },
  {
    selector: "Property[key.name='dangerouslySetInnerHTML']",
    message: 'No dangerouslySetInnerHTML.',
  },
  { selector: "CallExpression[callee.name='eval']", message: 'No eval.' },
  { selector: "NewExpression[callee.name='Function']", message: 'No new Function.' },
];

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.output-*/**',
      '.wxt/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-restricted-syntax': ['error', ...forbiddenSinks],
      'no-implied-eval': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The page side stays readable (issue #12): no function over 60 lines there.
    files: ['entrypoints/content/**/*.{ts,tsx}'],
    rules: {
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
);
