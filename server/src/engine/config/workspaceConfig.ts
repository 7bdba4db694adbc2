/**
 * The workspace-wide part of configuration — locale packs, the locales in use, locale-by-path globs and
 * the page-kind / front-matter defaults — built from the workspace's root configuration files. Pure.
 */
import { t } from '../util/l10n';
import type { ConfigFile } from './configFile';
import type { PlaybookConfig } from './config';
import type { JsonPath, JsoncText } from './jsonc';
import type { LocalePack } from './localePack';
import { patchDefaults, patchPack } from './patches';

/** One parsed configuration file of the root chain, with the folder its globs are relative to. */
export interface RootLayer {
  readonly text: JsoncText;
  readonly data: ConfigFile;
  readonly base: string;
}

/** The workspace-wide settings a configuration gives. */
export type WorkspaceSettings = Pick<PlaybookConfig, 'locales' | 'defaults' | 'localeOverrides'>;

/** Escapes glob characters of a literal folder path. */
function escapeGlob(path: string): string {
  return path.replace(/[*?[\]{}()!+@\\]/g, '\\$&');
}

/** The absolute glob of a glob relative to `base` (one without `/` matches a file name at any depth). */
export function absoluteGlob(base: string, glob: string): string {
  const rel = glob.replace(/^\.\//, '');
  const prefix = base === '/' ? '' : escapeGlob(base);
  return `${prefix}/${rel.includes('/') ? rel.replace(/\/$/, '/**') : `**/${rel}`}`;
}

/**
 * Applies the root chain's workspace-wide settings (lowest precedence first) to `base`. Throws a ConfigError
 * (at the offending key of the file that set it) for an unknown locale, a source locale left out, a
 * vocabulary patch that cannot apply, or a new locale pack that lacks its essentials.
 */
export function buildWorkspaceSettings(base: PlaybookConfig, layers: readonly RootLayer[]): WorkspaceSettings {
  const packs = new Map<string, LocalePack>(base.locales.map((p) => [p.locale, p]));
  let defaults = base.defaults;
  let order: { ids: readonly string[]; layer: RootLayer } | undefined;
  let sourceSetBy: RootLayer | undefined;
  const byPath: Array<{ pattern: string; locale: string; layer: RootLayer; glob: string }> = [];
  for (const layer of layers) {
    const failAt = (prefix: JsonPath) => (path: JsonPath, message: string): never => {
      throw layer.text.errorAt([...prefix, ...path], message);
    };
    for (const [locale, patch] of Object.entries(layer.data.vocabulary ?? {})) {
      packs.set(locale, patchPack(packs.get(locale), locale, patch, failAt(['vocabulary', locale])));
    }
    if (layer.data.defaults) {
      defaults = patchDefaults(defaults, layer.data.defaults, failAt(['defaults']));
      if (layer.data.defaults.sourceLocale !== undefined) sourceSetBy = layer;
    }
    if (layer.data.locales) order = { ids: layer.data.locales, layer };
    // Later (closer) files win: their globs are tried first.
    const entries = Object.entries(layer.data.localeByPath ?? {}).map(([glob, locale]) => ({ pattern: absoluteGlob(layer.base, glob), locale, layer, glob }));
    byPath.unshift(...entries);
  }
  const known = (): string => [...packs.keys()].map((k) => `\`${k}\``).join(', ');
  const locales = order
    ? order.ids.map((id, i) => {
      const pack = packs.get(id);
      if (!pack) throw order!.layer.text.errorAt(['locales', i], t('`{0}` is not a locale: use one of {1}, or define a new pack under `vocabulary`.', id, known()));
      return pack;
    })
    : [...packs.values()];
  const enabled = new Set(locales.map((p) => p.locale));
  if (!enabled.has(defaults.sourceLocale)) {
    if (sourceSetBy && (!order || !order.ids.includes(defaults.sourceLocale)) && !packs.has(defaults.sourceLocale)) {
      throw sourceSetBy.text.errorAt(['defaults', 'sourceLocale'], t('`{0}` is not a locale: use one of {1}, or define a new pack under `vocabulary`.', defaults.sourceLocale, known()));
    }
    if (order) throw order.layer.text.errorAt(['locales'], t('`locales` leaves out `{0}`, the source locale: add it, or change `defaults.sourceLocale`.', defaults.sourceLocale));
    throw sourceSetBy!.text.errorAt(['defaults', 'sourceLocale'], t('`{0}` is not a locale in use.', defaults.sourceLocale));
  }
  for (const e of byPath) {
    if (!enabled.has(e.locale)) throw e.layer.text.errorAt(['localeByPath', e.glob], t('`{0}` is not a locale in use: use one of {1}.', e.locale, [...enabled].map((k) => `\`${k}\``).join(', ')));
  }
  return {
    locales,
    defaults,
    localeOverrides: [...byPath.map(({ pattern, locale }) => ({ pattern, locale })), ...base.localeOverrides],
  };
}
