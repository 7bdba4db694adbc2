import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { settingsFor } from '../../server/src/engine/config/config';
import { ConfigError } from '../../server/src/engine/config/configError';
import { configOf, rejection } from './config-helpers';

/** The `file:line:col: message` of a configuration that fails to load. */
async function errorOf(files: Record<string, string>, options: Parameters<typeof configOf>[1] = {}, root?: string): Promise<string> {
  const e = await rejection(configOf(files, options, root));
  assert.ok(e instanceof ConfigError, String(e));
  return e.message;
}

describe('discovery', () => {
  it('no configuration file: the defaults, nothing ignored', async () => {
    const c = await configOf({ 'a.md': '# A\n' });
    assert.equal(c.cascade, undefined);
    assert.deepEqual(settingsFor(c, '/ws/a.md'), { rules: {}, ignored: false, sources: [] });
  });

  it('finds files in the workspace and above its root, the closer one winning', async () => {
    const c = await configOf({
      '/work/.playbook-lint.json': '{ "rules": { "refresh/order": "off", "tasks/header": "info" } }',
      '/work/ws/.playbook-lint.jsonc': '// the workspace\n{ "rules": { "refresh/order": "warning" } }',
      '/work/ws/de/deep/.playbook-lint.jsonc': '{ "rules": { "refresh/order": "error" } }',
    }, {}, '/work/ws');
    assert.deepEqual(c.sources, ['/work/.playbook-lint.json', '/work/ws/.playbook-lint.jsonc', '/work/ws/de/deep/.playbook-lint.jsonc']);
    assert.equal(settingsFor(c, '/work/ws/de/deep/x/a.md').rules['refresh/order']!.severity, 'error');
    assert.equal(settingsFor(c, '/work/ws/de/a.md').rules['refresh/order']!.severity, 'warning');
    assert.equal(settingsFor(c, '/work/ws/de/a.md').rules['tasks/header']!.severity, 'info');
  });

  it('stops above a file that says "root": true', async () => {
    const c = await configOf({
      '/work/.playbook-lint.jsonc': '{ "rules": { "tasks/header": "info" } }',
      '/work/ws/.playbook-lint.jsonc': '{ "root": true }',
    }, {}, '/work/ws');
    assert.deepEqual(c.sources, ['/work/ws/.playbook-lint.jsonc']);
    assert.equal(settingsFor(c, '/work/ws/a.md').rules['tasks/header'], undefined);
  });

  it('an explicit file is used alone (with what it extends) for every file, its globs relative to the given folder', async () => {
    const files = {
      '.playbook-lint.jsonc': '{ "rules": { "tasks/header": "off" } }',
      '/ci/strict.jsonc': '{ "extends": "./base.jsonc", "rules": { "refresh/order": "error" }, "ignore": ["archive/**"] }',
      '/ci/base.jsonc': '{ "rules": { "refresh/order": "off", "tasks/id-format": "warning" } }',
    };
    const c = await configOf(files, { configFile: '/ci/strict.jsonc', cwd: '/ws' });
    assert.deepEqual(c.sources, ['/ci/base.jsonc', '/ci/strict.jsonc']);
    const s = settingsFor(c, '/ws/en/a.md');
    assert.equal(s.rules['tasks/header'], undefined, 'the discovered file is not used');
    assert.equal(s.rules['refresh/order']!.severity, 'error');
    assert.equal(s.rules['tasks/id-format']!.severity, 'warning');
    assert.equal(settingsFor(c, '/ws/archive/a.md').ignored, true);
  });

  it('two configuration files in one folder are a mistake', async () => {
    assert.match(await errorOf({ '.playbook-lint.jsonc': '{}', '.playbook-lint.json': '{}' }), /^\/ws\/\.playbook-lint\.json:1:1: \/ws has two configuration files, \.playbook-lint\.jsonc and \.playbook-lint\.json: keep one\.$/);
  });
});

describe('extends', () => {
  it('a relative path, resolved from the extending file; the extending file wins', async () => {
    const c = await configOf({
      '.playbook-lint.jsonc': '{ "extends": ["./config/base.jsonc"], "rules": { "refresh/order": "error" } }',
      'config/base.jsonc': '{ "extends": "../shared/common.json", "rules": { "refresh/order": "off", "tasks/header": "info" } }',
      'shared/common.json': '{ "rules": { "tasks/id-format": "off" } }',
    });
    assert.deepEqual(c.sources, ['/ws/shared/common.json', '/ws/config/base.jsonc', '/ws/.playbook-lint.jsonc']);
    const s = settingsFor(c, '/ws/a.md');
    assert.equal(s.rules['refresh/order']!.severity, 'error');
    assert.equal(s.rules['tasks/header']!.severity, 'info');
    assert.equal(s.rules['tasks/id-format']!.severity, 'off');
  });

  it('a package from node_modules above: its .playbook-lint.jsonc, a JSON main, or a file inside it', async () => {
    const pkg = (name: string, extra: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(extra).map(([k, v]) => [`/repo/node_modules/${name}/${k}`, v]));
    const files = {
      ...pkg('@contoso/playbook-config', { 'package.json': '{ "name": "@contoso/playbook-config" }', '.playbook-lint.jsonc': '{ "rules": { "tasks/header": "off" } }', 'strict.jsonc': '{ "rules": { "tasks/header": "error" } }' }),
      ...pkg('team-config', { 'package.json': '{ "name": "team-config", "main": "config.json" }', 'config.json': '{ "rules": { "refresh/order": "info" } }' }),
    };
    const c = await configOf({ ...files, '/repo/docs/.playbook-lint.jsonc': '{ "extends": ["@contoso/playbook-config", "team-config"] }' }, {}, '/repo/docs');
    assert.equal(settingsFor(c, '/repo/docs/a.md').rules['tasks/header']!.severity, 'off');
    assert.equal(settingsFor(c, '/repo/docs/a.md').rules['refresh/order']!.severity, 'info');
    const sub = await configOf({ ...files, '/repo/docs/.playbook-lint.jsonc': '{ "extends": "@contoso/playbook-config/strict" }' }, {}, '/repo/docs');
    assert.equal(settingsFor(sub, '/repo/docs/a.md').rules['tasks/header']!.severity, 'error');
  });

  it('a missing package or file is reported on the extends entry', async () => {
    assert.match(await errorOf({ '.playbook-lint.jsonc': '{\n  "extends": ["./ok.jsonc", "@contoso/nope"]\n}', 'ok.jsonc': '{}' }), /^\/ws\/\.playbook-lint\.jsonc:2:29: Cannot find the package `@contoso\/nope`/);
    assert.match(await errorOf({ '.playbook-lint.jsonc': '{ "extends": "./missing.jsonc" }' }), /^\/ws\/\.playbook-lint\.jsonc:1:14: The configuration \/ws\/missing\.jsonc cannot be read/);
  });

  it('a cycle is reported where it closes', async () => {
    const message = await errorOf({
      '.playbook-lint.jsonc': '{ "extends": "./a.jsonc" }',
      'a.jsonc': '{ "extends": "./b.jsonc" }',
      'b.jsonc': '{\n  "extends": "./a.jsonc"\n}',
    });
    assert.equal(message, '/ws/b.jsonc:2:14: `extends` makes a cycle: a.jsonc → b.jsonc → a.jsonc.');
  });

  it('a file extended twice along one chain applies once', async () => {
    const c = await configOf({
      '.playbook-lint.jsonc': '{ "extends": ["./a.jsonc", "./b.jsonc"] }',
      'a.jsonc': '{ "extends": "./common.jsonc" }',
      'b.jsonc': '{ "extends": "./common.jsonc" }',
      'common.jsonc': '{ "vocabulary": { "en": { "roles": { "remove": ["FM"] } } } }',
    });
    assert.equal(c.locales.find((p) => p.locale === 'en')!.roles.includes('FM'), false);
  });
});

describe('mistakes: one message with file, line and column', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['a syntax error', '{\n  "rules": {\n    "refresh/order": "off"\n    "tasks/header": "off"\n  }\n}', /:4:5: A `,` is expected between two entries\.$/],
    ['an unknown rule, with a suggestion', '{\n  "rules": { "tasks/unknown-roles": "off" }\n}', /:2:14: `tasks\/unknown-roles` is not a playbook-lint rule: did you mean `tasks\/unknown-role`\?$/],
    ['a rule named without its family', '{ "overrides": [{ "files": ["*.md"], "rules": { "unknown-role": "off" } }] }', /:1:49: `unknown-role` is not a playbook-lint rule: did you mean `tasks\/unknown-role`\?$/],
    ['a misspelt severity', '{ "rules": { "refresh/order": "warn" } }', /:1:31: `warn` is not a severity: did you mean `warning`\?/],
    ['options that are not an object', '{ "rules": { "refresh/order": ["error", true] } }', /:1:41: A rule entry is \[severity\] or \[severity, \{options\}\]/],
    ['an unknown setting', '{\n  "rule": {}\n}', /:2:3: `rule` is not a setting of a configuration file: did you mean `rules`\?$/],
    ['an unknown setting deeper', '{ "vocabulary": { "en": { "role": ["X"] } } }', /:1:27: `role` is not a setting of `en`: did you mean `roles`\?$/],
    ['a wrong type', '{ "ignore": "archive/**" }', /:1:13: `ignore` must be a list\.$/],
    ['a malformed locale id', '{ "vocabulary": { "FR": {} } }', /:1:19: `FR` is not a valid name here\. Locale ids are lower case/],
    ['a duplicated key', '{ "rules": {}, "rules": {} }', /:1:16: `rules` is given twice in the same object: keep one\.$/],
    ['not an object', '["rules"]', /:1:1: A configuration file holds one JSON object/],
    ['an empty file', '  \n', /:1:1: The configuration file is empty/],
    ['an unknown locale in locales', '{ "locales": ["en", "fr"] }', /:1:21: `fr` is not a locale: use one of `en`, `de`/],
    ['the source locale left out', '{ "locales": ["de"] }', /:1:14: `locales` leaves out `en`, the source locale/],
    ['a locale-by-path locale not in use', '{ "localeByPath": { "legacy/**": "xx" } }', /:1:34: `xx` is not a locale in use/],
    ['a word removed that is not there', '{ "vocabulary": { "en": { "roles": { "remove": ["Nobody"] } } } }', /:1:49: `Nobody` is not in this list, so it cannot be removed/],
    ['a bad date format', '{ "vocabulary": { "en": { "dateFormats": ["soon"] } } }', /:1:43: `soon` is not valid here\. A date format is made of the tokens/],
  ];
  for (const [what, text, expected] of cases) {
    it(what, async () => {
      const message = await errorOf({ '.playbook-lint.jsonc': text });
      assert.ok(message.startsWith('/ws/.playbook-lint.jsonc:'), message);
      assert.match(message, expected);
    });
  }

  it('a workspace-wide key in a sub-folder\'s configuration (or what it extends) points to the root configuration', async () => {
    assert.equal(
      await errorOf({ 'de/.playbook-lint.jsonc': '{\n  "rules": {},\n  "vocabulary": { "de": { "roles": ["X"] } }\n}' }),
      '/ws/de/.playbook-lint.jsonc:3:3: `vocabulary` holds for the whole workspace, so it belongs in the root configuration (a .playbook-lint.jsonc in /ws or a folder above), not in a sub-folder\'s.',
    );
    assert.match(await errorOf({ 'de/.playbook-lint.jsonc': '{ "extends": "./base.jsonc" }', 'de/base.jsonc': '{ "locales": ["en"] }' }), /^\/ws\/de\/base\.jsonc:1:3: `locales` holds for the whole workspace/);
  });

  it('a sub-folder\'s configuration may extend the root configuration again', async () => {
    const c = await configOf({
      '.playbook-lint.jsonc': '{ "vocabulary": { "en": { "roles": ["Coach"] } }, "rules": { "refresh/order": "off" } }',
      'de/.playbook-lint.jsonc': '{ "rules": { "refresh/order": "error" } }',
      'de/x/.playbook-lint.jsonc': '{ "extends": "../../.playbook-lint.jsonc" }',
    });
    assert.equal(settingsFor(c, '/ws/de/x/a.md').rules['refresh/order']!.severity, 'off', 'extending re-applies the root settings last');
    assert.equal(settingsFor(c, '/ws/de/a.md').rules['refresh/order']!.severity, 'error');
  });

  it('a mistake in an extended file names that file', async () => {
    assert.match(await errorOf({ '.playbook-lint.jsonc': '{ "extends": "./base.jsonc" }', 'base.jsonc': '{ "rules": { "nope/rule": "off" } }' }), /^\/ws\/base\.jsonc:1:14: `nope\/rule` is not a playbook-lint rule/);
  });
});
