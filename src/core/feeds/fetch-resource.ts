// HTTP(S) fetching for feeds and article pages: timeouts, redirect limit, streamed size cap,
// conditional GET. Returns bytes, never text (decoding is decode.ts's job). Never writes output.

/** Limits and request details; every field has a default in {@link DEFAULT_FETCH_OPTIONS}. */
export interface FetchOptions {
  /** The fetch implementation (Node's undici fetch in production). */
  readonly fetch: typeof globalThis.fetch;
  /** Time allowed until the response headers arrive, in ms (connect + server think time). */
  readonly connectTimeoutMs: number;
  /** Time allowed for the whole exchange, body included, in ms (cuts off slow drips). */
  readonly totalTimeoutMs: number;
  /** Largest body accepted, counted after decompression (cuts off gzip bombs). */
  readonly maxBytes: number;
  readonly maxRedirects: number;
  readonly userAgent: string;
  readonly accept: string;
  /** Conditional GET validators from the previous fetch. */
  readonly etag?: string | null;
  readonly lastModified?: string | null;
  /** Cancels the request (a refresh cancelled by the user). */
  readonly signal?: AbortSignal;
}

export const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5';
export const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

export const DEFAULT_FETCH_OPTIONS = {
  connectTimeoutMs: 10_000,
  totalTimeoutMs: 20_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  accept: FEED_ACCEPT,
} as const;

export type FetchResult =
  | {
      readonly status: 'ok';
      /** The final URL after redirects: the base for relative links. */
      readonly url: string;
      readonly bytes: Uint8Array;
      readonly contentType: string | null;
      readonly etag: string | null;
      readonly lastModified: string | null;
    }
  | {
      readonly status: 'not-modified';
      readonly url: string;
      readonly etag: string | null;
      readonly lastModified: string | null;
    };

/** A fetch that failed; `message` is one readable line ("HTTP 404 Not Found", "timed out …"). */
export class FetchError extends Error {
  override readonly name = 'FetchError';
}

function describeSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

function mebibytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
}

/** Turns undici's nested errors into one readable line. */
function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  switch (cause?.code ?? '') {
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'connection reset by the server';
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found';
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'connection timed out';
    case 'CERT_HAS_EXPIRED':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `TLS certificate error (${cause?.code ?? ''})`;
    default:
      break;
  }
  if (cause?.message !== undefined && cause.message !== '') return cause.message;
  return error instanceof Error ? error.message : String(error);
}

/** Parses a URL and insists on http or https. */
export function parseHttpUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FetchError(`not a valid URL: ${url}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new FetchError(
      `only http and https URLs are fetched, not ${parsed.protocol.replace(/:$/, '')}`,
    );
  }
  return parsed;
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  const encoding = response.headers.get('content-encoding');
  if (
    (encoding === null || encoding === 'identity') &&
    Number.isFinite(declared) &&
    declared > maxBytes
  ) {
    await response.body?.cancel().catch(() => undefined);
    throw new FetchError(
      `response too large: ${mebibytes(declared)} (limit ${mebibytes(maxBytes)})`,
    );
  }
  if (response.body === null) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new FetchError(`response too large: over ${mebibytes(maxBytes)} (after decompression)`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Fetches `url` and returns its body bytes, or `not-modified` on a 304. Redirects are followed by
 * hand (at most `maxRedirects`, http(s) only) so the final URL is known. Throws {@link FetchError}.
 */
export async function fetchResource(url: string, options: FetchOptions): Promise<FetchResult> {
  let current = parseHttpUrl(url);
  const controller = new AbortController();
  let phase: 'headers' | 'body' = 'headers';
  let timedOut: 'connect' | 'total' | null = null;
  const totalTimer = setTimeout(() => {
    timedOut = 'total';
    controller.abort();
  }, options.totalTimeoutMs);
  let connectTimer: NodeJS.Timeout | null = setTimeout(() => {
    timedOut = 'connect';
    controller.abort();
  }, options.connectTimeoutMs);
  const onOuterAbort = (): void => controller.abort();
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  if (options.signal?.aborted === true) controller.abort();

  const headers: Record<string, string> = {
    'user-agent': options.userAgent,
    accept: options.accept,
    'accept-encoding': 'gzip, deflate, br',
  };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;

  try {
    for (let hop = 0; ; hop += 1) {
      let response: Response;
      try {
        response = await options.fetch(current, {
          headers,
          redirect: 'manual',
          signal: controller.signal,
        });
      } catch (error) {
        throw error instanceof FetchError ? error : new FetchError(describeNetworkError(error));
      }
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        const location = response.headers.get('location');
        await response.body?.cancel().catch(() => undefined);
        if (location === null)
          throw new FetchError(`HTTP ${response.status} redirect without a Location`);
        if (hop >= options.maxRedirects) {
          throw new FetchError(`too many redirects (more than ${options.maxRedirects})`);
        }
        let next: URL;
        try {
          next = new URL(location, current);
        } catch {
          throw new FetchError(`redirect to an invalid URL: ${location}`);
        }
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          throw new FetchError(`redirect to a non-http URL refused: ${next.protocol}`);
        }
        current = next;
        // Each hop is a new request: it gets its own time to answer.
        if (connectTimer !== null) clearTimeout(connectTimer);
        connectTimer = setTimeout(() => {
          timedOut = 'connect';
          controller.abort();
        }, options.connectTimeoutMs);
        continue;
      }
      if (connectTimer !== null) clearTimeout(connectTimer);
      connectTimer = null;
      phase = 'body';
      const etag = response.headers.get('etag');
      const lastModified = response.headers.get('last-modified');
      if (response.status === 304) {
        await response.body?.cancel().catch(() => undefined);
        return { status: 'not-modified', url: current.href, etag, lastModified };
      }
      if (response.status < 200 || response.status >= 300) {
        await response.body?.cancel().catch(() => undefined);
        const text = response.statusText === '' ? '' : ` ${response.statusText}`;
        throw new FetchError(`HTTP ${response.status}${text}`);
      }
      let bytes: Uint8Array;
      try {
        bytes = await readCapped(response, options.maxBytes);
      } catch (error) {
        throw error instanceof FetchError ? error : new FetchError(describeNetworkError(error));
      }
      return {
        status: 'ok',
        url: current.href,
        bytes,
        contentType: response.headers.get('content-type'),
        etag,
        lastModified,
      };
    }
  } catch (error) {
    if (timedOut === 'connect') {
      throw new FetchError(
        `timed out after ${describeSeconds(options.connectTimeoutMs)} waiting for a response`,
      );
    }
    if (timedOut === 'total') {
      throw new FetchError(
        phase === 'headers'
          ? `timed out after ${describeSeconds(options.totalTimeoutMs)} waiting for a response`
          : `timed out after ${describeSeconds(options.totalTimeoutMs)} reading the response`,
      );
    }
    if (options.signal?.aborted === true) throw new FetchError('cancelled');
    throw error;
  } finally {
    clearTimeout(totalTimer);
    if (connectTimer !== null) clearTimeout(connectTimer);
    options.signal?.removeEventListener('abort', onOuterAbort);
  }
}
