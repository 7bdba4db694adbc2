/** A mistake in a configuration file: where it is and what is wrong. Hosts show it once (the CLI exits 2). */
export class ConfigError extends Error {
  /** Absolute path of the configuration file. */
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column (UTF-16 code units). */
  readonly column: number;
  /** The message without the position. */
  readonly detail: string;

  constructor(file: string, line: number, column: number, detail: string) {
    super(`${file}:${line}:${column}: ${detail}`);
    this.name = 'ConfigError';
    this.file = file;
    this.line = line;
    this.column = column;
    this.detail = detail;
  }

  /** The message with the file shown as `displayPath` (a path relative to the current folder, say). */
  format(displayPath: string = this.file): string {
    return `${displayPath}:${this.line}:${this.column}: ${this.detail}`;
  }
}
