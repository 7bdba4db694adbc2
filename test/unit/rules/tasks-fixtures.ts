/** Small pages with FTOP task tables in every language, for the `tasks/*` rule tests. */

/** The languages the fixtures speak, by file suffix. */
export type Lang = 'en' | 'de' | 'es' | 'ja' | 'pt' | 'zh';

interface LangWords {
  suffix: string;
  approach: string;
  ftop: string;
  header: string;
  primaryRole: string;
  appliesTo: string;
}

/** Observed headings, labels and task-table headers per language (format doc sections 3 and 4). */
export const WORDS: Record<Lang, LangWords> = {
  en: { suffix: '', approach: 'Approach', ftop: 'FTOP Tasks', header: '| Task ID | Task Name | (M)andatory / (O)ptional | FastTrack Role | Services |', primaryRole: 'Primary Role', appliesTo: 'Applies To' },
  de: { suffix: '-de', approach: 'Methode', ftop: 'FTOP-Aufgaben', header: '| Aufgaben-ID | Name der Aufgabe | (E) Erforderlich (O) Optional | FastTrack-Rolle | Dienste |', primaryRole: 'Primäre Rolle', appliesTo: 'Gilt für' },
  es: { suffix: '-es', approach: 'Enfoque', ftop: 'Tareas de FTOP', header: '| Id. de tarea | Nombre de la tarea | (M)andatorio / (O)pcional | Rol de FastTrack | Servicios |', primaryRole: 'Rol principal', appliesTo: 'Se aplica a' },
  ja: { suffix: '-jp', approach: 'アプローチ', ftop: 'FTOP タスク', header: '| タスク ID | タスク名 | (M) 必須 (O) オプション | FastTrack の役割 | サービス |', primaryRole: '主な役割', appliesTo: '適用対象' },
  pt: { suffix: '-pr', approach: 'Abordagem', ftop: 'Tarefas do FTOP', header: '| ID da Tarefa | Nome da tarefa | (b) Obrigatório / (O) Opcional | Função do Microsoft FastTrack | Serviços |', primaryRole: 'Função Principal', appliesTo: 'Aplica-se a' },
  zh: { suffix: '-sc', approach: '方法', ftop: 'FTOP 任务', header: '| 任务 ID | 任务名称 | (M) 强制性/(O) 可选 | FastTrack 角色 | 服务 |', primaryRole: '主要角色', appliesTo: '适用于' },
};

/** What a fixture page holds. */
export interface TaskPageParts {
  /** The table header row (defaults to the language's observed header). */
  header?: string;
  /** Table rows, verbatim. */
  rows: string[];
  /** The step's label lines (defaults to none). */
  labels?: string[];
  /** More Markdown after the first table (a second step, say). */
  more?: string;
}

/** A delimiter row matching a header row's cell count. */
export function delimiterFor(header: string): string {
  const n = header.trim().replace(/^\||\|$/g, '').split('|').length;
  return `|${' --- |'.repeat(n)}`;
}

/** A small page of one language: a title, an Approach section, one step, its FTOP Tasks table. */
export function taskPage(lang: Lang, parts: TaskPageParts): string {
  const w = WORDS[lang];
  const header = parts.header ?? w.header;
  return [
    '# Test Page',
    '',
    `## ${w.approach}`,
    '',
    '### Step One',
    '',
    ...(parts.labels ?? []).map((l) => `${l}  `),
    ...(parts.labels?.length ? [''] : []),
    `#### ${w.ftop}`,
    '',
    header,
    delimiterFor(header),
    ...parts.rows,
    '',
    ...(parts.more ? [parts.more, ''] : []),
  ].join('\n');
}

/** The file name of a page of a language: `name` plus the language's suffix. */
export function fileOf(lang: Lang, name = 'process-page'): string {
  return `${name}${WORDS[lang].suffix}.md`;
}
