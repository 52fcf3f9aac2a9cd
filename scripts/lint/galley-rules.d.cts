import type { ESLint, Rule } from 'eslint';

declare const galley: ESLint.Plugin & { rules: Record<'no-cross-app-imports' | 'no-process-env', Rule.RuleModule> };
export = galley;
