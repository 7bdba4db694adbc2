// Bundles the CLI (and, as they come, the language server and the VS Code client) into CommonJS files
// that load under plain `node`, although unified/remark are ESM-only.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

// The build id (server/src/cli/buildId.ts; the --cache file is valid for one build only): a placeholder as
// long as the id is defined at bundle time, then replaced by the hash of the bundle, so a run need not hash
// its own bundle to know which build it is. Files are written here, after the replacement.
const BUILD_ID_PLACEHOLDER = '@@playbook-build-id@@@@@@@@'; // 27 characters, as a base64url SHA-1
/** @type {import('esbuild').Plugin} */
const stampBuildId = {
  name: 'stamp-build-id',
  setup(build) {
    build.onEnd((result) => {
      for (const file of result.outputFiles ?? []) {
        let contents = file.contents;
        if (file.path.endsWith('.js') && file.text.includes(BUILD_ID_PLACEHOLDER)) {
          const id = createHash('sha1').update(file.contents).digest('base64url');
          contents = Buffer.from(file.text.replaceAll(BUILD_ID_PLACEHOLDER, id));
        }
        mkdirSync(dirname(file.path), { recursive: true });
        writeFileSync(file.path, contents);
      }
    });
  },
};

/** @type {import('esbuild').BuildOptions} */
const common = {
  write: false,
  plugins: [stampBuildId],
  define: { __PLAYBOOK_BUILD_ID__: JSON.stringify(BUILD_ID_PLACEHOLDER) },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  external: ['vscode'],
  // jsonc-parser's UMD `main` loads its parts with a dynamic require that a bundle cannot follow: use its ESM build.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};

const builds = [
  // The CLI bundle names its build on its first line, where the launcher's code cache reads it (server/src/cli/compileCache.ts).
  { ...common, entryPoints: ['server/src/cli/cli.ts'], outfile: 'dist/cli.js', banner: { js: `// playbook-lint build ${BUILD_ID_PLACEHOLDER}` } },
  // What `playbook-lint` runs: sets the process up and loads dist/cli.js through the code cache.
  { ...common, entryPoints: ['server/src/cli/launch.ts'], outfile: 'dist/launch.js', sourcemap: false },
  { ...common, entryPoints: ['server/src/lsp/server.ts'], outfile: 'dist/server.js' },
];

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
