// Galley's own lint rules (eslint.config.mjs): the layout's boundaries that no stock rule states.
'use strict';
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const slashed = (p) => p.split(path.sep).join('/');

/** `apps/<name>/...` -> name, for a path relative to the repository root. */
function appOf(relative) {
  return /^apps\/([^/]+)(\/|$)/.exec(slashed(relative))?.[1];
}

/** Calls `check(node, specifier)` for every module specifier: import, export from, require(), import(). */
function eachSpecifier(check) {
  const literal = (node, source) => {
    if (source && source.type === 'Literal' && typeof source.value === 'string') check(node, source.value);
  };
  return {
    ImportDeclaration: (node) => literal(node, node.source),
    ExportNamedDeclaration: (node) => literal(node, node.source),
    ExportAllDeclaration: (node) => literal(node, node.source),
    ImportExpression: (node) => literal(node, node.source),
    TSImportEqualsDeclaration: (node) => literal(node, node.moduleReference && node.moduleReference.expression),
    'CallExpression[callee.name="require"]': (node) => literal(node, node.arguments[0]),
  };
}

const noCrossAppImports = {
  meta: {
    type: 'problem',
    docs: { description: 'apps never import another app, and libs never import an app: they share code through libs/ and talk through events and HTTP' },
    messages: {
      crossApp: "imports {{target}} of the app '{{app}}': apps talk through events and HTTP, and share code through libs/",
      libToApp: "imports {{target}} of the app '{{app}}': libs/ must not depend on an app",
    },
    schema: [],
  },
  create(context) {
    const file = slashed(path.relative(ROOT, context.filename));
    const ownApp = appOf(file);
    if (!ownApp && !file.startsWith('libs/')) return {};
    return eachSpecifier((node, specifier) => {
      if (!specifier.startsWith('.')) return;
      const target = slashed(path.relative(ROOT, path.resolve(path.dirname(context.filename), specifier)));
      const targetApp = appOf(target);
      if (!targetApp || targetApp === ownApp) return;
      context.report({ node, messageId: ownApp ? 'crossApp' : 'libToApp', data: { target, app: targetApp } });
    });
  },
};

const noProcessEnv = {
  meta: {
    type: 'problem',
    docs: { description: 'process.env is read only where configuration is loaded; an entry point may hand the whole environment to a loader of libs/config' },
    messages: {
      env: 'read settings from the validated config (libs/config), not process.env',
      variable: 'an entry point hands the whole process.env to a loader of libs/config; reading one variable here belongs in that loader',
    },
    schema: [{ type: 'object', properties: { allowWhole: { type: 'boolean' } }, additionalProperties: false }],
  },
  create(context) {
    const allowWhole = Boolean(context.options[0] && context.options[0].allowWhole);
    const isEnv = (node) =>
      node.type === 'MemberExpression' &&
      node.object.type === 'Identifier' &&
      node.object.name === 'process' &&
      ((!node.computed && node.property.type === 'Identifier' && node.property.name === 'env') || (node.property.type === 'Literal' && node.property.value === 'env'));
    return {
      MemberExpression(node) {
        if (!isEnv(node)) return;
        if (!allowWhole) return context.report({ node, messageId: 'env' });
        const parent = node.parent;
        if (parent && parent.type === 'MemberExpression' && parent.object === node) context.report({ node: parent, messageId: 'variable' });
        else if (parent && parent.type === 'VariableDeclarator' && parent.id.type === 'ObjectPattern') context.report({ node: parent, messageId: 'variable' });
      },
    };
  },
};

module.exports = { meta: { name: 'galley' }, rules: { 'no-cross-app-imports': noCrossAppImports, 'no-process-env': noProcessEnv } };
