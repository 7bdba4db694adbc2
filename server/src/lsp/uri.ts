import { fileURLToPath, pathToFileURL } from 'node:url';
import { toNative, toPosix } from '../cli/nodeWorkspace';

/**
 * Converts between the client's document URIs and the engine's absolute POSIX paths. Only `file:`
 * URIs have paths. The spelling a client used for a path is remembered and reused when the server
 * names that file again, so the client recognises its own URIs byte for byte.
 */
export class UriMapper {
  readonly #spelling = new Map<string, string>();

  /** The engine path of a URI, or undefined for a non-file URI or one that is not a URI at all. */
  toPath(uri: string): string | undefined {
    if (typeof uri !== 'string' || !/^file:/i.test(uri)) return undefined;
    let path: string;
    try {
      path = toPosix(fileURLToPath(uri));
    } catch {
      return undefined;
    }
    if (!this.#spelling.has(path)) this.#spelling.set(path, uri);
    return path;
  }

  /** The URI of an engine path: the client's spelling when it sent one, else the canonical `file:` URI. */
  toUri(path: string): string {
    return this.#spelling.get(path) ?? pathToFileURL(toNative(path)).href;
  }

  /** Records the spelling of a URI the client uses (an opened document's), replacing an older one. */
  remember(uri: string): string | undefined {
    const path = this.toPath(uri);
    if (path !== undefined) this.#spelling.set(path, uri);
    return path;
  }
}
