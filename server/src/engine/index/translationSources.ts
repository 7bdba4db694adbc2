/**
 * Which source-language page each translated page translates. Translations share a stem (the base name
 * without the locale's suffix), and on a large tree a stem is shared by many pages: several docsets
 * (one per `docfx.json`), several products, untranslated copies. The choice is worked out once for every
 * page of a stem and kept until a page of that stem, or a docfx project, changes.
 */
import { dirname } from '../util/paths';
import type { PageFacts } from './pageFacts';

/** What choosing a translation's source needs to know besides the pages themselves. */
export interface SourceChoice {
  /** The locale pages are written in first. */
  readonly sourceLocale: string;
  /** The locale a folder on the path names (`english-playbook`), if any. */
  folderLocale(path: string): string | undefined;
  /** The folder of the docfx project a path belongs to; undefined outside every project. */
  docsetOf(path: string): string | undefined;
}

/** How many folders, from the root (`/`, counted) down, the folders of two paths share. */
export function sharedFolders(a: string, b: string): number {
  const da = dirname(a) + '/';
  const db = dirname(b) + '/';
  let shared = 0;
  for (let i = 0; i < da.length && i < db.length && da[i] === db[i]; i++) if (da[i] === '/') shared++;
  return shared;
}

/** A source-language page with what the choice compares, worked out once. */
interface Candidate {
  readonly facts: PageFacts;
  readonly inSourceFolder: boolean;
}

/**
 * The source of each page of one stem that is not in the source locale (`pages` are the stem's pages in
 * path order). A source is a page of the source locale and of the same kind; among several, the first
 * of: one in the translation's own docset, one under a folder named for the source locale (not an
 * untranslated copy left among the translations), the one whose folder shares the most folders with the
 * translation's, the first in path order.
 */
export function pickSources(pages: readonly PageFacts[], choice: SourceChoice): Map<string, PageFacts> {
  const out = new Map<string, PageFacts>();
  const candidates: Candidate[] = [];
  // A stem can have a source in each of many docsets: a translation looks among its own docset's first.
  const byDocset = new Map<string | undefined, Candidate[]>();
  for (const facts of pages) {
    if (facts.locale !== choice.sourceLocale) continue;
    const c = { facts, inSourceFolder: choice.folderLocale(facts.path) === choice.sourceLocale };
    candidates.push(c);
    const docset = choice.docsetOf(facts.path);
    const same = byDocset.get(docset);
    if (same) same.push(c);
    else byDocset.set(docset, [c]);
  }
  if (candidates.length === 0) return out;
  for (const page of pages) {
    if (page.locale === choice.sourceLocale) continue;
    const docset = choice.docsetOf(page.path);
    const best = bestOf(byDocset.get(docset) ?? [], page) ?? bestOf(candidates, page);
    if (best) out.set(page.path, best.facts);
  }
  return out;
}

/**
 * The best source for `page` among `candidates` (in path order), if one is of its kind. The docset is
 * not compared here: the caller looks among the translation's own docset's candidates first.
 */
function bestOf(candidates: readonly Candidate[], page: PageFacts): Candidate | undefined {
  let best: Candidate | undefined;
  let bestShared = -1;
  for (const c of candidates) {
    if (c.facts.kind !== page.kind) continue;
    const shared = sharedFolders(c.facts.path, page.path);
    if (best === undefined || better(c, shared, best, bestShared)) {
      best = c;
      bestShared = shared;
    }
  }
  return best;
}

/** True when candidate `c` (sharing `shared` folders with the translation) beats `best`; ties keep `best`, the earlier in path order. */
function better(c: Candidate, shared: number, best: Candidate, bestShared: number): boolean {
  if (c.inSourceFolder !== best.inSourceFolder) return c.inSourceFolder;
  return shared > bestShared;
}

/** The sources of the translated pages, per stem, worked out when first asked for after a change. */
export class TranslationSources {
  readonly #byStem = new Map<string, ReadonlyMap<string, PageFacts>>();

  /** The source of a translated page; `pick` works out the sources of every page of its stem when they are not kept. */
  of(page: PageFacts, pick: () => ReadonlyMap<string, PageFacts>): PageFacts | undefined {
    let sources = this.#byStem.get(page.stem);
    if (!sources) this.#byStem.set(page.stem, (sources = pick()));
    return sources.get(page.path);
  }

  /** A page of the stem appeared, changed or went. */
  stemChanged(stem: string): void {
    this.#byStem.delete(stem);
  }

  /** Docfx projects changed: every choice may change. */
  clear(): void {
    this.#byStem.clear();
  }
}
