import type { CalendarDate } from '../dates/dateFormat';
import type { Severity } from '../lint/diagnostic';
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
  /** Per-rule settings; a rule not named here runs at its default severity. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** Locale assignments by path glob, checked before any convention (`**\/german-playbook/**` → `de`). */
  readonly localeOverrides: ReadonlyArray<{ readonly pattern: string; readonly locale: string }>;
  /** "Today" for date rules; hosts pass the real date, tests a fixed one. */
  readonly today: CalendarDate;
}
