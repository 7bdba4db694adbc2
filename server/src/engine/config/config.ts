import type { CalendarDate } from '../dates/dateFormat';
import type { Severity } from '../lint/diagnostic';
import type { ConfigCascade, FileSettings } from './cascade';
import type { PlaybookDefaults } from './defaults';
import type { LocalePack } from './localePack';

/** A rule's configured severity (`off` disables it) and options. */
export interface RuleSetting {
  readonly severity: Severity | 'off';
  readonly options?: Readonly<Record<string, unknown>>;
}

/** The effective configuration the engine works with (already merged and validated by a host). */
export interface PlaybookConfig {
  readonly locales: readonly LocalePack[];
  readonly defaults: PlaybookDefaults;
  /** Per-rule settings; a rule not named here runs at its default severity. Configuration files refine them per file. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** Locale assignments by path glob, checked before any convention (`**\/german-playbook/**` → `de`). */
  readonly localeOverrides: ReadonlyArray<{ readonly pattern: string; readonly locale: string }>;
  /** "Today" for date rules; hosts pass the real date, tests a fixed one. */
  readonly today: CalendarDate;
  /** The configuration files' per-file settings (rules, overrides, ignore); absent: `rules` hold everywhere. */
  readonly cascade?: ConfigCascade;
  /** The configuration files read, in precedence order (for messages and `--print-config`). */
  readonly sources?: readonly string[];
}

/** What the configuration says about one file: its rule settings and whether it is ignored. */
export function settingsFor(config: PlaybookConfig, path: string): FileSettings {
  return config.cascade ? config.cascade.settingsFor(path, config.rules) : { rules: config.rules, ignored: false, sources: [] };
}
