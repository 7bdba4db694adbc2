/**
 * Applies configuration patches to the shipped data: word lists, locale packs (or new packs) and the
 * page-kind / front-matter defaults. Pure; `fail` turns a mistake into an error at a path of the patch.
 */
import type { PageKind } from '../model/document';
import { t } from '../util/l10n';
import { normalizeWord } from '../util/text';
import type { DefaultsPatch, ListMapPatch, ListPatch, LocalePatch, PageKindPatch } from './configFile';
import type { PageKindSpec, PlaybookDefaults } from './defaults';
import type { JsonPath } from './jsonc';
import type { CanonicalSection, LocalePack } from './localePack';

/** Reports a mistake at a path relative to the patch being applied; never returns. */
export type Fail = (path: JsonPath, message: string) => never;

function isList(p: ListPatch): p is readonly string[] {
  return Array.isArray(p);
}

function listForMessage(list: readonly string[]): string {
  if (list.length === 0) return t('empty');
  const shown = list.slice(0, 8).map((x) => `\`${x}\``).join(', ');
  return list.length > 8 ? t('{0} and {1} more', shown, list.length - 8) : shown;
}

function addWords(list: string[], words: readonly string[], key: (w: string) => string): string[] {
  for (const w of words) if (!list.some((x) => key(x) === key(w))) list.push(w);
  return list;
}

/**
 * A list after a patch: a plain list adds its words; the object form replaces the list, then removes words
 * (each must be there), then adds words. Words compare with `key` (case and spacing ignored by default).
 */
export function applyListPatch(list: readonly string[], patch: ListPatch, fail: Fail, key: (w: string) => string = normalizeWord): string[] {
  if (isList(patch)) return addWords([...list], patch, key);
  const out = patch.replace ? [...patch.replace] : [...list];
  (patch.remove ?? []).forEach((w, i) => {
    const at = out.findIndex((x) => key(x) === key(w));
    if (at < 0) fail(['remove', i], t('`{0}` is not in this list, so it cannot be removed (the list is: {1}).', w, listForMessage(out)));
    out.splice(at, 1);
  });
  return addWords(out, patch.add ?? [], key);
}

function patchMap(map: Record<string, string[]>, patch: ListMapPatch | undefined, fail: Fail, path: string): void {
  for (const [id, p] of Object.entries(patch ?? {})) map[id] = applyListPatch(map[id] ?? [], p, (sub, m) => fail([path, id, ...sub], m));
}

function skeleton(locale: string, patch: LocalePatch, fail: Fail): LocalePack {
  const missing = (['name', 'fileSuffix', 'dateFormats', 'mandatoryLetters'] as const).filter((k) => patch[k] === undefined);
  const letters = patch.mandatoryLetters;
  if (letters && (!letters.mandatory || !letters.optional)) missing.push('mandatoryLetters');
  if (missing.length) {
    fail([], t('`{0}` is not a shipped locale, so this is a new locale pack: it needs {1} (every other part starts empty).', locale, missing.map((k) => `\`${k}\``).join(', ')));
  }
  return {
    locale, name: '', fileSuffix: '', folderHints: [], headings: {},
    labels: { phase: [], primaryRole: [], motions: [], appliesTo: [] }, phases: {},
    taskTable: { id: [], name: [], mandatory: [], role: [], services: [] },
    mandatoryLetters: { mandatory: letters?.mandatory ?? '', optional: letters?.optional ?? '' },
    refreshTable: { date: [], who: [], what: [], notes: [] },
    dateFormats: [], alertTranslations: {}, roles: [], services: [],
  };
}

/** A locale pack after a patch; `pack` undefined makes a new pack from the patch. Never changes `pack`. */
export function patchPack(pack: LocalePack | undefined, locale: string, patch: LocalePatch, fail: Fail): LocalePack {
  const p: LocalePack = pack ? structuredClone(pack) : skeleton(locale, patch, fail);
  if (patch.name !== undefined) p.name = patch.name;
  if (patch.fileSuffix !== undefined) p.fileSuffix = patch.fileSuffix;
  if (patch.folderHints) p.folderHints = applyListPatch(p.folderHints, patch.folderHints, (s, m) => fail(['folderHints', ...s], m));
  patchMap(p.headings as Record<string, string[]>, patch.headings, fail, 'headings');
  patchMap(p.labels, patch.labels, fail, 'labels');
  patchMap(p.phases, patch.phases, fail, 'phases');
  patchMap(p.taskTable, patch.taskTable, fail, 'taskTable');
  patchMap(p.refreshTable, patch.refreshTable, fail, 'refreshTable');
  if (patch.mandatoryLetters) p.mandatoryLetters = { ...p.mandatoryLetters, ...patch.mandatoryLetters };
  if (patch.dateFormats) {
    p.dateFormats = applyListPatch(p.dateFormats, patch.dateFormats, (s, m) => fail(['dateFormats', ...s], m), (w) => w);
    if (p.dateFormats.length === 0) fail(['dateFormats'], t('The date formats of `{0}` would be empty: a locale needs at least one.', locale));
  }
  for (const [word, keyword] of Object.entries(patch.alertTranslations ?? {})) {
    if (keyword === null) delete p.alertTranslations[word];
    else p.alertTranslations[word] = keyword;
  }
  if (patch.roles) p.roles = applyListPatch(p.roles, patch.roles, (s, m) => fail(['roles', ...s], m));
  if (patch.services) p.services = applyListPatch(p.services, patch.services, (s, m) => fail(['services', ...s], m));
  for (const [id, words] of Object.entries(p.phases)) if (words.length === 0) delete p.phases[id];
  return p;
}

function patchKind(spec: PageKindSpec, patch: PageKindPatch, fail: Fail): PageKindSpec {
  const at = (k: string): Fail => (s, m) => fail([k, ...s], m);
  return {
    ...spec,
    ...(patch.prefixes ? { prefixes: applyListPatch(spec.prefixes ?? [], patch.prefixes, at('prefixes')) } : {}),
    ...(patch.names ? { names: applyListPatch(spec.names ?? [], patch.names, at('names')) } : {}),
    ...(patch.requiredSections ? { requiredSections: applyListPatch(spec.requiredSections ?? [], patch.requiredSections, at('requiredSections'), (w) => w) as CanonicalSection[] } : {}),
    ...(patch.requiresPhase !== undefined ? { requiresPhase: patch.requiresPhase } : {}),
    ...(patch.requiresRefreshSummary !== undefined ? { requiresRefreshSummary: patch.requiresRefreshSummary } : {}),
  };
}

/** The defaults after a patch. Never changes `defaults`. */
export function patchDefaults(defaults: PlaybookDefaults, patch: DefaultsPatch, fail: Fail): PlaybookDefaults {
  const kinds = [...defaults.pageKinds];
  for (const [kind, p] of Object.entries(patch.pageKinds ?? {}) as Array<[PageKind, PageKindPatch]>) {
    const i = kinds.findIndex((k) => k.kind === kind);
    const patched = patchKind(i >= 0 ? kinds[i]! : { kind }, p, (s, m) => fail(['pageKinds', kind, ...s], m));
    if (i >= 0) kinds[i] = patched;
    else kinds.push(patched);
  }
  const audience: Record<string, string> = { ...defaults.audienceByCustom };
  for (const [custom, value] of Object.entries(patch.audienceByCustom ?? {})) {
    if (value === null) delete audience[custom];
    else audience[custom] = value;
  }
  return {
    ...defaults,
    pageKinds: kinds,
    audienceByCustom: audience,
    ...(patch.sourceLocale !== undefined ? { sourceLocale: patch.sourceLocale } : {}),
    ...(patch.frontMatterKeyOrder ? { frontMatterKeyOrder: applyListPatch(defaults.frontMatterKeyOrder, patch.frontMatterKeyOrder, (s, m) => fail(['frontMatterKeyOrder', ...s], m), (w) => w) } : {}),
    ...(patch.alertKeywords ? { alertKeywords: applyListPatch(defaults.alertKeywords, patch.alertKeywords, (s, m) => fail(['alertKeywords', ...s], m), (w) => w.toUpperCase()) } : {}),
  };
}
