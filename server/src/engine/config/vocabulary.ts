import type { CanonicalLabel, CanonicalSection, LocalePack, RefreshColumn, TaskColumn } from './localePack';
import { looseKey, normalizeWord, editDistance } from '../util/text';

/** A word recognised in some locale. */
export interface Recognised<T> {
  readonly id: T;
  readonly locale: string;
}

type WordMap<T> = Map<string, Recognised<T>[]>;

function addAll<T>(map: WordMap<T>, words: readonly string[] | undefined, id: T, locale: string, key: (w: string) => string): void {
  for (const w of words ?? []) {
    const k = key(w);
    if (!k) continue;
    const list = map.get(k) ?? [];
    if (!list.some((r) => r.id === id && r.locale === locale)) list.push({ id, locale });
    map.set(k, list);
  }
}

/** The words of a header, lower-cased, split at anything that is not a letter or digit. */
function tokensOf(text: string): string[] {
  return text.normalize('NFC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 2);
}

/**
 * Answers kept by locale and text. A workspace asks the same questions page after page (the same headings,
 * labels and table headers), and matching a header tolerantly compares it with every known header. The
 * store is emptied when it grows past a bound, so odd input cannot make it grow without limit.
 */
class Answers<T> {
  readonly #byLocale = new Map<string, Map<string, T>>();
  #size = 0;

  get(locale: string, text: string, compute: () => T): T {
    let map = this.#byLocale.get(locale);
    if (!map) {
      map = new Map();
      this.#byLocale.set(locale, map);
    }
    const known = map.get(text);
    if (known !== undefined || map.has(text)) return known as T;
    const answer = compute();
    if (this.#size >= 20_000) {
      for (const m of this.#byLocale.values()) m.clear();
      this.#size = 0;
    }
    map.set(text, answer);
    this.#size++;
    return answer;
  }
}

function pick<T>(list: Recognised<T>[] | undefined, locale: string): Recognised<T> | undefined {
  if (!list || list.length === 0) return undefined;
  return list.find((r) => r.locale === locale) ?? list[0];
}

/** The word tables of every locale pack, normalised for look-up. */
class WordTables {
  readonly sections: WordMap<CanonicalSection> = new Map();
  readonly uncategorized: Array<{ prefix: string; locale: string }> = [];
  readonly labels: WordMap<CanonicalLabel> = new Map();
  readonly phases: WordMap<string> = new Map();
  readonly taskColumns: WordMap<TaskColumn> = new Map();
  /** Single words of task-column headers (`id` of `Task ID`), for headers reduced to one word. */
  readonly taskColumnTokens: WordMap<TaskColumn> = new Map();
  readonly refreshColumns: WordMap<RefreshColumn> = new Map();
  readonly roles = new Map<string, Set<string>>();
  readonly services = new Map<string, Set<string>>();

  constructor(packs: readonly LocalePack[]) {
    for (const p of packs) {
      for (const [id, words] of Object.entries(p.headings) as Array<[CanonicalSection, string[]]>) {
        if (id === 'uncategorizedTasks') {
          for (const w of words) this.uncategorized.push({ prefix: normalizeWord(w), locale: p.locale });
        } else addAll(this.sections, words, id, p.locale, normalizeWord);
      }
      for (const [id, words] of Object.entries(p.labels) as Array<[CanonicalLabel, string[]]>) addAll(this.labels, words, id, p.locale, normalizeWord);
      for (const [id, words] of Object.entries(p.phases)) addAll(this.phases, words, id, p.locale, normalizeWord);
      for (const [id, words] of Object.entries(p.taskTable) as Array<[TaskColumn, string[]]>) {
        addAll(this.taskColumns, words, id, p.locale, looseKey);
        for (const w of words) addAll(this.taskColumnTokens, tokensOf(w), id, p.locale, (x) => x);
      }
      for (const [id, words] of Object.entries(p.refreshTable) as Array<[RefreshColumn, string[]]>) addAll(this.refreshColumns, words, id, p.locale, looseKey);
      this.roles.set(p.locale, new Set(p.roles.map(normalizeWord)));
      this.services.set(p.locale, new Set(p.services.map(normalizeWord)));
    }
  }
}

/**
 * Every vocabulary lookup the engine makes, from the locale packs. Lookups prefer the page's own locale
 * and fall back to any other (a German page quoting an English heading is still understood). The word
 * tables are built on the first lookup: a `--cache` run that replays its findings makes none.
 */
export class Vocabulary {
  readonly #packs = new Map<string, LocalePack>();
  readonly #packList: readonly LocalePack[];
  #tables: WordTables | undefined;
  readonly #sectionAnswers = new Answers<Recognised<CanonicalSection> | undefined>();
  readonly #sectionLocaleAnswers = new Answers<readonly string[]>();
  readonly #labelAnswers = new Answers<Recognised<CanonicalLabel> | undefined>();
  readonly #taskColumnAnswers = new Answers<TaskColumn | undefined>();
  readonly #refreshColumnAnswers = new Answers<RefreshColumn | undefined>();
  /** Locale ids in configuration order. */
  readonly locales: readonly string[];

  constructor(packs: readonly LocalePack[]) {
    for (const p of packs) this.#packs.set(p.locale, p);
    this.#packList = packs;
    this.locales = packs.map((p) => p.locale);
  }

  get #words(): WordTables {
    return (this.#tables ??= new WordTables(this.#packList));
  }

  /** The pack of a locale (undefined for an unknown id). */
  pack(locale: string): LocalePack | undefined {
    return this.#packs.get(locale);
  }

  /** Canonical section of a heading's text. */
  section(text: string, locale: string): Recognised<CanonicalSection> | undefined {
    return this.#sectionAnswers.get(locale, text, () => this.#section(text, locale));
  }

  /**
   * The locales whose own vocabulary knows a heading: those for which {@link section} answers in that very
   * locale (what locale detection counts as evidence), in configuration order.
   */
  sectionLocales(text: string): readonly string[] {
    return this.#sectionLocaleAnswers.get('', text, () => this.locales.filter((loc) => this.section(text, loc)?.locale === loc));
  }

  #section(text: string, locale: string): Recognised<CanonicalSection> | undefined {
    const key = normalizeWord(text);
    const exact = pick(this.#words.sections.get(key), locale);
    if (exact) return exact;
    const own = this.#words.uncategorized.filter((u) => key.startsWith(u.prefix));
    const u = own.find((x) => x.locale === locale) ?? own[0];
    return u ? { id: 'uncategorizedTasks', locale: u.locale } : undefined;
  }

  /** Canonical label of a label word (without colon). */
  label(word: string, locale: string): Recognised<CanonicalLabel> | undefined {
    return this.#labelAnswers.get(locale, word, () => pick(this.#words.labels.get(normalizeWord(word)), locale));
  }

  /** Canonical phase id of a phase name. */
  phase(name: string, locale: string): Recognised<string> | undefined {
    return pick(this.#words.phases.get(normalizeWord(name)), locale);
  }

  /** All phase names of a locale (for messages and completion). */
  phaseNames(locale: string): string[] {
    const p = this.#packs.get(locale);
    return p ? Object.values(p.phases).flat() : [];
  }

  /** Column role of a task-table header cell, matched tolerantly (case, spacing, punctuation, small drift). */
  taskColumn(header: string, locale: string): TaskColumn | undefined {
    return this.#taskColumnAnswers.get(locale, header, () => this.#column(this.#words.taskColumns, header, locale) ?? this.#singleToken(this.#words.taskColumnTokens, header));
  }

  /**
   * A header of one short word (`ID`) that is a whole word of exactly one column's headers, in any
   * locale (`Task ID`, `Aufgaben-ID`, `Id. de tarea`): that column. Ambiguous words (`Task`) match nothing.
   */
  #singleToken<T>(map: WordMap<T>, header: string): T | undefined {
    const tokens = tokensOf(header);
    if (tokens.length !== 1) return undefined;
    const ids = new Set((map.get(tokens[0]!) ?? []).map((r) => r.id));
    return ids.size === 1 ? [...ids][0] : undefined;
  }

  /** Column role of a refresh-summary header cell. */
  refreshColumn(header: string, locale: string): RefreshColumn | undefined {
    return this.#refreshColumnAnswers.get(locale, header, () => this.#column(this.#words.refreshColumns, header, locale));
  }

  #column<T>(map: WordMap<T>, header: string, locale: string): T | undefined {
    const key = looseKey(header);
    if (!key) return undefined;
    const exact = pick(map.get(key), locale);
    if (exact) return exact.id;
    let best: Recognised<T> | undefined;
    let bestScore = Infinity;
    for (const [word, list] of map) {
      const r = pick(list, locale)!;
      const langPenalty = r.locale === locale ? 0 : 0.5;
      let score = Infinity;
      if (word.length >= 4 && key.length >= 4 && (key.includes(word) || word.includes(key))) score = 1;
      else if (word.length >= 5) {
        const d = editDistance(key, word, 2);
        if (d <= 2) score = d;
      }
      if (score + langPenalty < bestScore) {
        bestScore = score + langPenalty;
        best = r;
      }
    }
    return best?.id;
  }

  /** True when a role is known in the locale (or, failing that, in any locale). */
  isKnownRole(role: string, locale: string): boolean {
    return this.#known(this.#words.roles, role, locale);
  }

  /** True when a service is known in the locale (or, failing that, in any locale). */
  isKnownService(service: string, locale: string): boolean {
    return this.#known(this.#words.services, service, locale);
  }

  /** Known roles of a locale, as written in the pack. */
  roles(locale: string): readonly string[] {
    return this.#packs.get(locale)?.roles ?? [];
  }

  /** Known services of a locale, as written in the pack. */
  services(locale: string): readonly string[] {
    return this.#packs.get(locale)?.services ?? [];
  }

  #known(map: Map<string, Set<string>>, word: string, locale: string): boolean {
    const k = normalizeWord(word);
    if (map.get(locale)?.has(k)) return true;
    for (const set of map.values()) if (set.has(k)) return true;
    return false;
  }

  /** The locale whose file suffix ends this base name (without extension), if any. */
  localeBySuffix(baseName: string): string | undefined {
    for (const p of this.#packs.values()) if (p.fileSuffix && baseName.toLowerCase().endsWith(p.fileSuffix.toLowerCase())) return p.locale;
    return undefined;
  }

  /** The locale a folder name along the path hints at, if any. */
  localeByFolder(path: string): string | undefined {
    const segs = path.toLowerCase().split('/');
    for (let i = segs.length - 2; i >= 0; i--) {
      for (const p of this.#packs.values()) if (p.folderHints.some((h) => h.toLowerCase() === segs[i])) return p.locale;
    }
    return undefined;
  }

  /** The base name with the locale's suffix removed (`x-de` → `x`). */
  stripSuffix(baseName: string, locale: string): string {
    const suffix = this.#packs.get(locale)?.fileSuffix ?? '';
    return suffix && baseName.toLowerCase().endsWith(suffix.toLowerCase()) ? baseName.slice(0, -suffix.length) : baseName;
  }
}
