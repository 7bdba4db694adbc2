/**
 * The per-file part of configuration: which configuration files govern a path, and the rule settings
 * and ignore decision they give it. Pure: the files were found and read by `loader.ts`.
 */
import picomatch from 'picomatch';
import { basename, isWithin, relative } from '../util/paths';
import type { RuleSetting } from './config';
import type { ConfigOverride, RuleEntry } from './configFile';

/** The per-file settings of one configuration file (or of one it extends). */
export interface ConfigLayer {
  /** The file the settings come from. */
  readonly source: string;
  /** The folder whose files it governs (`/` for an explicit `--config` file). */
  readonly scope: string;
  /** The folder its globs are relative to. */
  readonly base: string;
  /** A discovered file saying `"root": true`: layers of folders above it do not apply below it. */
  readonly root: boolean;
  readonly rules: Readonly<Record<string, RuleEntry>>;
  readonly ignore: readonly string[];
  readonly overrides: readonly ConfigOverride[];
}

/** What configuration says about one file. */
export interface FileSettings {
  /** Every configured rule setting (rules not named keep their default severity). */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** True when an `ignore` pattern excludes the file from linting. */
  readonly ignored: boolean;
  /** The pattern that decided `ignored`, and the file it is in. */
  readonly ignoredBy?: { readonly source: string; readonly pattern: string };
  /** The configuration files that apply, lowest precedence first. */
  readonly sources: readonly string[];
}

/** The setting a rule entry gives, on top of the previous one: a bare severity keeps earlier options. */
export function ruleSetting(entry: RuleEntry, previous?: RuleSetting): RuleSetting {
  if (typeof entry === 'string') return previous?.options ? { severity: entry, options: previous.options } : { severity: entry };
  const [severity, options] = entry;
  if (options !== undefined) return { severity, options };
  return previous?.options ? { severity, options: previous.options } : { severity };
}

/** Applies rule entries, in order, on top of `base`. */
export function mergeRules(base: Readonly<Record<string, RuleSetting>>, entries: Readonly<Record<string, RuleEntry>> | undefined): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = { ...base };
  for (const [id, entry] of Object.entries(entries ?? {})) out[id] = ruleSetting(entry, out[id]);
  return out;
}

const matchers = new Map<string, (p: string) => boolean>();

/**
 * True when a path matches a glob relative to `base`. A glob without `/` also matches the file name at any
 * depth (`*.draft.md`); a glob naming a folder (`archive/**`) matches everything below it.
 */
export function globMatches(pattern: string, base: string, path: string): boolean {
  let m = matchers.get(pattern);
  if (!m) {
    const clean = pattern.replace(/^\.\//, '').replace(/\/$/, '/**');
    const full = picomatch(clean, { dot: true });
    const name = clean.includes('/') ? undefined : picomatch(clean, { dot: true });
    m = (rel: string) => full(rel) || (name !== undefined && name(basename(rel)));
    matchers.set(pattern, m);
  }
  return m(relative(base, path));
}

/** The settings configuration layers give a path, on top of `baseRules` (layers lowest precedence first). */
export function resolveConfig(layers: readonly ConfigLayer[], path: string, baseRules: Readonly<Record<string, RuleSetting>> = {}): FileSettings {
  let applicable = layers.filter((l) => isWithin(l.scope, path));
  // The deepest `root: true` cuts off the layers of the folders above it.
  const roots = applicable.filter((l) => l.root);
  const cut = roots[roots.length - 1];
  if (cut) applicable = applicable.filter((l) => isWithin(cut.scope, l.scope));
  let rules: Record<string, RuleSetting> = { ...baseRules };
  let ignoredBy: { source: string; pattern: string } | undefined;
  let ignored = false;
  for (const layer of applicable) {
    rules = mergeRules(rules, layer.rules);
    for (const o of layer.overrides) {
      if (!o.files.some((g) => globMatches(g, layer.base, path))) continue;
      if ((o.excludedFiles ?? []).some((g) => globMatches(g, layer.base, path))) continue;
      rules = mergeRules(rules, o.rules);
    }
    for (const pattern of layer.ignore) {
      const negated = pattern.startsWith('!');
      if (!globMatches(negated ? pattern.slice(1) : pattern, layer.base, path)) continue;
      ignored = !negated;
      ignoredBy = { source: layer.source, pattern };
    }
  }
  const sources = [...new Set(applicable.map((l) => l.source))];
  return { rules, ignored, ...(ignoredBy ? { ignoredBy } : {}), sources };
}

/** The configuration files of a workspace, answering per-file questions with a cache. */
export class ConfigCascade {
  readonly layers: readonly ConfigLayer[];
  readonly #cache = new WeakMap<object, Map<string, FileSettings>>();

  /** `layers` in precedence order: shallower folders first, each file after what it extends. */
  constructor(layers: readonly ConfigLayer[]) {
    this.layers = layers;
  }

  /** The settings of a path on top of `baseRules`. */
  settingsFor(path: string, baseRules: Readonly<Record<string, RuleSetting>>): FileSettings {
    let byPath = this.#cache.get(baseRules);
    if (!byPath) this.#cache.set(baseRules, (byPath = new Map()));
    let s = byPath.get(path);
    if (!s) byPath.set(path, (s = resolveConfig(this.layers, path, baseRules)));
    return s;
  }
}
