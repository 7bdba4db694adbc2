/**
 * Localizable user-facing strings. Messages are written in English with `{0}`-style placeholders, the
 * English text being the key (the `vscode.l10n` convention), so a host can install a translated bundle.
 */
let bundle: Record<string, string> | undefined;

/** Installs a translation bundle (English text → translated text); `undefined` restores English. */
export function setMessageBundle(messages: Record<string, string> | undefined): void {
  bundle = messages;
}

/** Looks a message up in the bundle and fills its `{n}` placeholders. */
export function t(message: string, ...args: Array<string | number>): string {
  const template = bundle?.[message] ?? message;
  return template.replace(/\{(\d+)\}/g, (m, i: string) => {
    const v = args[Number(i)];
    return v === undefined ? m : String(v);
  });
}
