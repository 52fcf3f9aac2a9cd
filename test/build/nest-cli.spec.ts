// nest-cli.json is the build: `npm run build` (and so npm start, npm test, CI, the CLIs and the
// Dockerfile, through scripts/lib/build.mjs) is `nest build`. These checks keep the file true to
// the tree: every app and lib a project, the tsc builder over tsconfig.build.json, `nest start`
// running an app the way npm start does, and the assets tsc does not copy landing where the
// compiled code reads them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { copyPathResolve } from '@nestjs/cli/lib/compiler/helpers/copy-path-resolve';

const ROOT = path.join(__dirname, '..', '..');

interface Project {
  type: 'application' | 'library';
  root: string;
  entryFile: string;
  sourceRoot: string;
}
interface AssetEntry {
  include: string;
  outDir?: string;
}
interface NestCli {
  monorepo: boolean;
  root: string;
  sourceRoot: string;
  exec?: string;
  compilerOptions: { builder?: string; tsConfigPath?: string; webpack?: boolean; deleteOutDir?: boolean; assets?: AssetEntry[] };
  projects: Record<string, Project>;
}

const nestCli = JSON.parse(readFileSync(path.join(ROOT, 'nest-cli.json'), 'utf8')) as NestCli;
const dirs = (parent: string): string[] =>
  readdirSync(path.join(ROOT, parent), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(ROOT, parent, entry.name, 'src')))
    .map((entry) => entry.name);

describe('nest-cli.json', () => {
  it('is a monorepo whose projects are exactly the Nest apps and the libs', () => {
    const apps = dirs('apps').filter((app) => existsSync(path.join(ROOT, 'apps', app, 'src', 'main.ts')) && !existsSync(path.join(ROOT, 'apps', app, 'vite.config.ts')));
    expect(nestCli.monorepo).toBe(true);
    expect(Object.keys(nestCli.projects).sort()).toEqual([...apps, ...dirs('libs')].sort());
    for (const [name, project] of Object.entries(nestCli.projects)) {
      const kind = project.type === 'application' ? 'apps' : 'libs';
      expect({ name, root: project.root, sourceRoot: project.sourceRoot }).toEqual({ name, root: `${kind}/${name}`, sourceRoot: `${kind}/${name}/src` });
      expect(existsSync(path.join(ROOT, project.sourceRoot, `${project.entryFile}.ts`))).toBe(true);
    }
    expect(nestCli.projects[path.basename(nestCli.root)]?.sourceRoot).toBe(nestCli.sourceRoot);
  });

  it('builds with tsc over tsconfig.build.json, into the dist/ everything else runs from, without deleting it', () => {
    expect(nestCli.compilerOptions.builder).toBe('tsc');
    expect(nestCli.compilerOptions.tsConfigPath).toBe('tsconfig.build.json');
    expect(nestCli.compilerOptions.deleteOutDir ?? false).toBe(false);
    const tsconfig = JSON.parse(readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8')) as { compilerOptions: { outDir: string; rootDir: string } };
    expect(path.normalize(tsconfig.compilerOptions.outDir)).toBe('dist');
    expect(tsconfig.compilerOptions.rootDir).toBe('.');
  });

  it('is what npm run build and the one build script run', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.build).toBe('nest build');
    expect(readFileSync(path.join(ROOT, 'scripts/lib/build.mjs'), 'utf8')).toMatch(/\[NEST_BIN, 'build'\]/);
    expect(readFileSync(path.join(ROOT, 'scripts/lib/provision.mjs'), 'utf8')).toMatch(/runBuild\(\)/);
    expect(readFileSync(path.join(ROOT, 'scripts/run-ts.mjs'), 'utf8')).toMatch(/runBuild\(\)/);
    expect(readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8')).toMatch(/^RUN npm run build\b/m);
  });

  it('starts an app (nest start <app>) with the @galley/* aliases registered, as npm start does', () => {
    expect(nestCli.exec).toBe('node -r ./scripts/register-paths.cjs');
  });

  it.each(['reviews', 'gateway', 'platform'])('copies the sentiment model to where the compiled reviews code reads it, building %s', (project) => {
    // The Nest CLI's own rule (AssetsManager): include is relative to the project's sourceRoot, and
    // a file's destination drops as many leading segments as the absolute sourceRoot has.
    const sourceRoot = path.join(ROOT, nestCli.projects[project].sourceRoot);
    const model = path.join(ROOT, 'apps/reviews/data/sentiment-model.json');
    const entry = (nestCli.compilerOptions.assets ?? []).find((asset) => path.join(sourceRoot, path.dirname(asset.include)) === path.dirname(model));
    expect(entry).toBeDefined();
    expect(path.basename(entry?.include ?? '')).toBe('*.json');
    const destination = copyPathResolve(model, entry?.outDir ?? 'dist', sourceRoot.split(path.sep).length);
    // bundled-data.ts reads path.join(__dirname, '..', '..', 'data', 'sentiment-model.json').
    const compiledLoader = path.join('dist/apps/reviews/src/text-analysis');
    expect(destination).toBe(path.join(compiledLoader, '..', '..', 'data', 'sentiment-model.json'));
  });
});
