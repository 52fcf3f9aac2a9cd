// Lets `node -r` run the repo's TypeScript straight from the sources, each file transpiled on its
// own (like ts-jest's isolatedModules, which the contract test uses), with the `@galley/*` aliases.
// `npm run docs:openapi` uses it so the document is rebuilt in seconds, without compiling the
// whole repo into dist/ first (and without waiting for a file elsewhere to compile).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');
const tsconfigPaths = require('tsconfig-paths');

const root = path.resolve(__dirname, '../..');
const { config } = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, root);
const compilerOptions = { ...options, sourceMap: false, inlineSourceMap: true, incremental: false, tsBuildInfoFile: undefined };

tsconfigPaths.register({ baseUrl: root, paths: config.compilerOptions.paths });
require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};
