import { MarkupKind, type MarkupContent } from 'vscode-languageserver/node';

/** Markdown reduced to what reads well as plain text: bold marks and code ticks dropped. */
export function markdownToPlain(markdown: string): string {
  return markdown.replace(/\*\*(.+?)\*\*/g, '$1').replace(/`([^`\n]*)`/g, '$1');
}

/** True when a client's list of content formats (in its order of preference) takes Markdown. */
export function takesMarkdown(formats: readonly string[] | undefined): boolean {
  return formats?.includes(MarkupKind.Markdown) === true;
}

/** Markdown text as the content a client can show: Markdown when it takes it, otherwise plain text. */
export function markup(markdown: string, asMarkdown: boolean): MarkupContent {
  return asMarkdown ? { kind: MarkupKind.Markdown, value: markdown } : { kind: MarkupKind.PlainText, value: markdownToPlain(markdown) };
}
