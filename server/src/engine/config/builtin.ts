import type { CalendarDate } from '../dates/dateFormat';
import type { PlaybookConfig } from './config';
import type { PlaybookDefaults } from './defaults';
import type { LocalePack } from './localePack';
import defaultsJson from '../../../../schemas/playbook.defaults.json';
import en from '../../../../schemas/locales/en.json';
import de from '../../../../schemas/locales/de.json';
import es from '../../../../schemas/locales/es.json';
import ja from '../../../../schemas/locales/ja.json';
import ptBr from '../../../../schemas/locales/pt-br.json';
import zhCn from '../../../../schemas/locales/zh-cn.json';

/** The locale packs shipped in `schemas/locales/`. */
export const builtinLocales: readonly LocalePack[] = [en, de, es, ja, ptBr, zhCn] as unknown as LocalePack[];

/** The shipped language-independent defaults. */
export const builtinDefaults: PlaybookDefaults = defaultsJson as unknown as PlaybookDefaults;

/** Today's date in the local calendar. */
export function today(): CalendarDate {
  const d = new Date();
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}

/** The configuration a workspace without any config file gets. */
export function defaultConfig(overrides: Partial<PlaybookConfig> = {}): PlaybookConfig {
  return {
    locales: builtinLocales,
    defaults: builtinDefaults,
    rules: {},
    localeOverrides: [],
    today: today(),
    ...overrides,
  };
}
