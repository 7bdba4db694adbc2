import type { Connection } from 'vscode-languageserver/node';

/** The `playbook.*` settings the server reads, per resource. */
export interface ServerSettings {
  readonly validate: {
    /** False turns diagnostics off for the resource. */
    readonly enable: boolean;
  };
  readonly diagnostics: {
    /** How long a document must be quiet after an edit before it is checked again, in milliseconds. */
    readonly debounceMs: number;
  };
}

/** The settings of a client that sends none. */
export const DEFAULT_SETTINGS: ServerSettings = { validate: { enable: true }, diagnostics: { debounceMs: 150 } };

/** The settings section the server owns. */
export const SETTINGS_SECTION = 'playbook';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a `playbook` settings object leniently: a missing or mistyped value takes its default. */
export function readSettings(raw: unknown): ServerSettings {
  const root = isRecord(raw) ? raw : {};
  const validate = isRecord(root.validate) ? root.validate : {};
  const diagnostics = isRecord(root.diagnostics) ? root.diagnostics : {};
  const debounce = diagnostics.debounceMs;
  return {
    validate: { enable: typeof validate.enable === 'boolean' ? validate.enable : DEFAULT_SETTINGS.validate.enable },
    diagnostics: {
      debounceMs: typeof debounce === 'number' && Number.isFinite(debounce) && debounce >= 0 ? Math.min(debounce, 10_000) : DEFAULT_SETTINGS.diagnostics.debounceMs,
    },
  };
}

/**
 * The settings of each resource, pulled from the client (`workspace/configuration`, scoped to the
 * resource) and cached until the client says they changed. A client that cannot answer
 * configuration requests gets what it pushed with `workspace/didChangeConfiguration`, else the defaults.
 */
export class SettingsStore {
  readonly #connection: Connection;
  readonly #pull: boolean;
  readonly #cache = new Map<string, Promise<ServerSettings>>();
  #pushed: ServerSettings = DEFAULT_SETTINGS;

  constructor(connection: Connection, canPull: boolean) {
    this.#connection = connection;
    this.#pull = canPull;
  }

  /** The settings for a resource (a document or folder URI). */
  get(scopeUri: string): Promise<ServerSettings> {
    if (!this.#pull) return Promise.resolve(this.#pushed);
    let s = this.#cache.get(scopeUri);
    if (!s) {
      s = this.#connection.workspace.getConfiguration({ scopeUri, section: SETTINGS_SECTION }).then(readSettings, () => DEFAULT_SETTINGS);
      this.#cache.set(scopeUri, s);
    }
    return s;
  }

  /** Forgets every cached answer; `pushed` is the `settings` of a `workspace/didChangeConfiguration`. */
  reset(pushed?: unknown): void {
    this.#cache.clear();
    if (isRecord(pushed) && SETTINGS_SECTION in pushed) this.#pushed = readSettings(pushed[SETTINGS_SECTION]);
  }
}
