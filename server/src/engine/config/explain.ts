/**
 * The effective configuration of one file as plain JSON (`playbook-lint --print-config`): every rule with
 * its severity and options, the locales, what configuration changed in the shipped vocabularies and
 * defaults, and whether the file is ignored. Pure.
 */
import type { PlaybookDocument } from '../model/document';
import type { Rule } from '../rules/rule';
import { builtinDefaults, builtinLocales } from './builtin';
import { settingsFor, type PlaybookConfig } from './config';
import type { RuleEntry } from './configFile';
import type { LocalePack } from './localePack';

/** A JSON value. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * What turns `before` into `after`, in configuration syntax: word lists as `{ add, remove }` (or `{ replace }`
 * when only the order changed), objects key by key (`null` for a removed key), other values as they are now.
 * Undefined when nothing changed.
 */
export function describeChange(before: unknown, after: unknown): Json | undefined {
  if (JSON.stringify(before) === JSON.stringify(after)) return undefined;
  if (isStringList(before) && isStringList(after)) {
    const add = after.filter((w) => !before.includes(w));
    const remove = before.filter((w) => !after.includes(w));
    if (add.length === 0 && remove.length === 0) return { replace: after };
    return { ...(remove.length ? { remove } : {}), ...(add.length ? { add } : {}) };
  }
  if (isObject(before) && isObject(after)) {
    const out: Record<string, Json> = {};
    for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (!(k in after)) out[k] = null;
      else if (!(k in before)) out[k] = after[k] as Json;
      else {
        const d = describeChange(before[k], after[k]);
        if (d !== undefined) out[k] = d;
      }
    }
    return Object.keys(out).length ? out : undefined;
  }
  return (after ?? null) as Json;
}

/** The effective configuration of one file. */
export interface EffectiveConfig {
  readonly file: string;
  /** The configuration files that apply to it, lowest precedence first. */
  readonly configFiles: readonly string[];
  readonly ignored: boolean;
  readonly ignoredBy?: { readonly configFile: string; readonly pattern: string };
  /** How the engine sees the page (when it is a Markdown page). */
  readonly page?: { readonly locale: string; readonly localeSource: string; readonly kind: string };
  /** Every rule: a severity, or [severity, options]. */
  readonly rules: Readonly<Record<string, RuleEntry>>;
  readonly locales: readonly string[];
  readonly sourceLocale: string;
  readonly localeByPath: ReadonlyArray<{ readonly pattern: string; readonly locale: string }>;
  /** Changes to the shipped locale packs by locale (a new locale: its whole pack). */
  readonly vocabulary: Readonly<Record<string, Json>>;
  /** Changes to the shipped defaults. */
  readonly defaults: Json;
}

function kindsByName(d: typeof builtinDefaults): Record<string, unknown> {
  return Object.fromEntries(d.pageKinds.map((k) => [k.kind, k]));
}

/**
 * The effective configuration of `path` under `config`. `display` turns engine paths into what the user
 * reads (relative paths, say); `doc` is the page's model when there is one.
 */
export function explainConfig(config: PlaybookConfig, path: string, rules: readonly Rule[], display: (p: string) => string = (p) => p, doc?: PlaybookDocument): EffectiveConfig {
  const s = settingsFor(config, path);
  const ruleEntries: Record<string, RuleEntry> = {};
  for (const rule of [...rules].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const setting = s.rules[rule.id];
    const severity = setting?.severity ?? rule.defaultSeverity;
    ruleEntries[rule.id] = setting?.options && Object.keys(setting.options).length ? [severity, setting.options] : severity;
  }
  const shipped = new Map<string, LocalePack>(builtinLocales.map((p) => [p.locale, p]));
  const vocabulary: Record<string, Json> = {};
  for (const pack of config.locales) {
    const before = shipped.get(pack.locale);
    const change = before ? describeChange(before, pack) : (pack as unknown as Json);
    if (change !== undefined) vocabulary[pack.locale] = change;
  }
  const defaults = describeChange({ ...builtinDefaults, pageKinds: kindsByName(builtinDefaults) }, { ...config.defaults, pageKinds: kindsByName(config.defaults) }) ?? {};
  return {
    file: display(path),
    configFiles: s.sources.map(display),
    ignored: s.ignored,
    ...(s.ignoredBy ? { ignoredBy: { configFile: display(s.ignoredBy.source), pattern: s.ignoredBy.pattern } } : {}),
    ...(doc ? { page: { locale: doc.locale, localeSource: doc.localeSource, kind: doc.kind } } : {}),
    rules: ruleEntries,
    locales: config.locales.map((p) => p.locale),
    sourceLocale: config.defaults.sourceLocale,
    localeByPath: config.localeOverrides,
    vocabulary,
    defaults,
  };
}
