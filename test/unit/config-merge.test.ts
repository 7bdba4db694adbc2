import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { builtinDefaults, builtinLocales } from '../../server/src/engine/config/builtin';
import { mergeRules, resolveConfig, ruleSetting, type ConfigLayer } from '../../server/src/engine/config/cascade';
import { describeChange } from '../../server/src/engine/config/explain';
import { applyListPatch, patchDefaults, patchPack, type Fail } from '../../server/src/engine/config/patches';

const fail: Fail = (path, message) => {
  throw new Error(`${path.join('.')}: ${message}`);
};

function layer(scope: string, parts: Partial<ConfigLayer> = {}): ConfigLayer {
  return { source: `${scope}/.playbook-lint.jsonc`, scope, base: scope, root: false, rules: {}, ignore: [], overrides: [], ...parts };
}

describe('rule entries', () => {
  it('a bare severity keeps the options an earlier configuration set; [severity, options] replaces them', () => {
    const first = ruleSetting(['error', { checkLabels: false }]);
    assert.deepEqual(ruleSetting('warning', first), { severity: 'warning', options: { checkLabels: false } });
    assert.deepEqual(ruleSetting(['info'], first), { severity: 'info', options: { checkLabels: false } });
    assert.deepEqual(ruleSetting(['warning', { ignore: ['-'] }], first), { severity: 'warning', options: { ignore: ['-'] } });
    assert.deepEqual(ruleSetting('off'), { severity: 'off' });
  });

  it('merging applies entries on top of a base without changing it', () => {
    const base = { 'tasks/unknown-role': { severity: 'warning' as const } };
    const merged = mergeRules(base, { 'tasks/unknown-role': 'error', 'refresh/order': 'off' });
    assert.deepEqual(merged, { 'tasks/unknown-role': { severity: 'error' }, 'refresh/order': { severity: 'off' } });
    assert.deepEqual(base, { 'tasks/unknown-role': { severity: 'warning' } });
  });
});

describe('the cascade', () => {
  const layers = [
    layer('/ws', { rules: { 'refresh/order': 'off', 'tasks/unknown-role': ['error', { checkLabels: false }] } }),
    layer('/ws/de', { rules: { 'refresh/order': 'error', 'tasks/unknown-role': 'warning' } }),
  ];

  it('a closer file wins, and only governs its own folder', () => {
    const inDe = resolveConfig(layers, '/ws/de/a.md');
    assert.equal(inDe.rules['refresh/order']!.severity, 'error');
    assert.deepEqual(inDe.rules['tasks/unknown-role'], { severity: 'warning', options: { checkLabels: false } });
    assert.deepEqual(inDe.sources, ['/ws/.playbook-lint.jsonc', '/ws/de/.playbook-lint.jsonc']);
    const inEn = resolveConfig(layers, '/ws/en/a.md');
    assert.equal(inEn.rules['refresh/order']!.severity, 'off');
    assert.deepEqual(inEn.sources, ['/ws/.playbook-lint.jsonc']);
    assert.equal(resolveConfig(layers, '/elsewhere/a.md').sources.length, 0);
  });

  it('"root": true cuts off the folders above', () => {
    const cut = [layers[0]!, layer('/ws/de', { root: true, rules: { 'tasks/header': 'off' } })];
    const s = resolveConfig(cut, '/ws/de/a.md');
    assert.equal(s.rules['refresh/order'], undefined);
    assert.equal(s.rules['tasks/header']!.severity, 'off');
    assert.equal(resolveConfig(cut, '/ws/a.md').rules['refresh/order']!.severity, 'off');
  });

  it('overrides apply in order after the file\'s rules, by glob relative to its folder, minus excludedFiles', () => {
    const l = [layer('/ws', {
      rules: { 'refresh/order': 'warning' },
      overrides: [
        { files: ['archive/**'], rules: { 'refresh/order': 'off', 'tasks/header': 'info' } },
        { files: ['*-de.md'], excludedFiles: ['archive/keep-de.md'], rules: { 'refresh/order': 'error' } },
      ],
    })];
    assert.equal(resolveConfig(l, '/ws/archive/a.md').rules['refresh/order']!.severity, 'off');
    assert.equal(resolveConfig(l, '/ws/archive/a.md').rules['tasks/header']!.severity, 'info');
    assert.equal(resolveConfig(l, '/ws/archive/old-de.md').rules['refresh/order']!.severity, 'error', 'the later override wins');
    assert.equal(resolveConfig(l, '/ws/archive/keep-de.md').rules['refresh/order']!.severity, 'off', 'excluded from the second override');
    assert.equal(resolveConfig(l, '/ws/en/x-de.md').rules['refresh/order']!.severity, 'error', 'a glob without / matches a name at any depth');
    assert.equal(resolveConfig(l, '/ws/en/x.md').rules['refresh/order']!.severity, 'warning');
  });

  it('ignore globs, re-included with !, and which pattern decided', () => {
    const l = [layer('/ws', { ignore: ['archive/', '*.draft.md'] }), layer('/ws/archive', { ignore: ['!keep.md'] })];
    assert.equal(resolveConfig(l, '/ws/archive/old.md').ignored, true);
    assert.deepEqual(resolveConfig(l, '/ws/archive/old.md').ignoredBy, { source: '/ws/.playbook-lint.jsonc', pattern: 'archive/' });
    assert.equal(resolveConfig(l, '/ws/archive/keep.md').ignored, false);
    assert.equal(resolveConfig(l, '/ws/en/notes.draft.md').ignored, true);
    assert.equal(resolveConfig(l, '/ws/en/notes.md').ignored, false);
  });
});

describe('word-list patches', () => {
  const list = ['FastTrack Manager', 'SME', 'FM'];

  it('a plain list adds words (once, ignoring case and spacing)', () => {
    assert.deepEqual(applyListPatch(list, ['Partner Lead', 'sme', 'partner  lead'], fail), ['FastTrack Manager', 'SME', 'FM', 'Partner Lead']);
  });

  it('the object form replaces, then removes, then adds', () => {
    assert.deepEqual(applyListPatch(list, { remove: ['fm'], add: ['Coach'] }, fail), ['FastTrack Manager', 'SME', 'Coach']);
    assert.deepEqual(applyListPatch(list, { replace: ['A', 'B'], remove: ['A'], add: ['C'] }, fail), ['B', 'C']);
    assert.deepEqual(applyListPatch(list, { replace: [] }, fail), []);
  });

  it('removing a word that is not there is a mistake, located at the word', () => {
    assert.throws(() => applyListPatch(list, { remove: ['SME', 'Nobody'] }, fail), /^Error: remove\.1: `Nobody` is not in this list/);
  });
});

describe('pack and defaults patches', () => {
  const en = builtinLocales.find((p) => p.locale === 'en')!;

  it('patching a shipped pack leaves the shipped data alone', () => {
    const before = JSON.stringify(en);
    const p = patchPack(en, 'en', { roles: ['Partner Lead'], phases: { presales: ['PreSales'] }, headings: { overview: { replace: ['Summary'] } } }, fail);
    assert.ok(p.roles.includes('Partner Lead'));
    assert.deepEqual(p.phases['presales'], ['PreSales']);
    assert.deepEqual(p.headings.overview, ['Summary']);
    assert.equal(JSON.stringify(en), before);
  });

  it('a phase emptied with replace: [] is gone', () => {
    const p = patchPack(en, 'en', { phases: { multiple: { replace: [] } } }, fail);
    assert.equal('multiple' in p.phases, false);
  });

  it('a new locale needs its essentials; everything else starts empty', () => {
    assert.throws(() => patchPack(undefined, 'fr', { name: 'French' }, fail), /`fr` is not a shipped locale.*needs `fileSuffix`, `dateFormats`, `mandatoryLetters`/);
    const fr = patchPack(undefined, 'fr', { name: 'French', fileSuffix: '-fr', dateFormats: ['DD/MM/YYYY'], mandatoryLetters: { mandatory: 'O', optional: 'F' }, roles: ['Responsable FastTrack'] }, fail);
    assert.equal(fr.locale, 'fr');
    assert.deepEqual(fr.roles, ['Responsable FastTrack']);
    assert.deepEqual(fr.labels.phase, []);
    assert.deepEqual(fr.dateFormats, ['DD/MM/YYYY']);
  });

  it('date formats cannot become empty', () => {
    assert.throws(() => patchPack(en, 'en', { dateFormats: { replace: [] } }, fail), /date formats of `en` would be empty/);
  });

  it('page kinds gain prefixes, pairs can be removed, the shipped defaults stay', () => {
    const d = patchDefaults(builtinDefaults, { pageKinds: { process: { prefixes: ['delivery-'] } }, audienceByCustom: { 'internal-playbook': null }, sourceLocale: 'de' }, fail);
    assert.ok(d.pageKinds.find((k) => k.kind === 'process')!.prefixes!.includes('delivery-'));
    assert.equal(d.audienceByCustom['internal-playbook'], undefined);
    assert.equal(d.sourceLocale, 'de');
    assert.equal(builtinDefaults.pageKinds.find((k) => k.kind === 'process')!.prefixes!.includes('delivery-'), false);
    assert.equal(builtinDefaults.audienceByCustom['internal-playbook'], 'internal');
  });
});

describe('describing what configuration changed (--print-config)', () => {
  it('word lists as add/remove, a reordered list as replace, removed keys as null, unchanged parts left out', () => {
    assert.equal(describeChange({ a: ['x'] }, { a: ['x'] }), undefined);
    assert.deepEqual(describeChange({ roles: ['A', 'B'], name: 'En' }, { roles: ['A', 'C'], name: 'En' }), { roles: { remove: ['B'], add: ['C'] } });
    assert.deepEqual(describeChange(['A', 'B'], ['B', 'A']), { replace: ['B', 'A'] });
    assert.deepEqual(describeChange({ phases: { a: ['A'], b: ['B'] } }, { phases: { a: ['A'], c: ['C'] } }), { phases: { b: null, c: ['C'] } });
    assert.deepEqual(describeChange({ sourceLocale: 'en' }, { sourceLocale: 'de' }), { sourceLocale: 'de' });
  });
});
