import type { ApiError } from "./types";

/** A non-2xx answer: its status, and the reader-facing message of its `{ error }` body when it has one. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string | null,
    url: string,
  ) {
    super(`${url}: HTTP ${status}${reason ? ` (${reason})` : ""}`);
  }
}

/** The browser's one way to read the app's API and images: a 2xx answer, else an ApiRequestError. */
async function fetchOk(url: string, signal?: AbortSignal): Promise<Response> {
  const response = await fetch(url, { signal });
  if (response.ok) return response;
  const body = (await response.json().catch(() => null)) as Partial<ApiError> | null;
  throw new ApiRequestError(response.status, typeof body?.error === "string" ? body.error : null, url);
}

/** A JSON answer's body (SWR's fetcher). */
export async function fetchJson<T>(url: string): Promise<T> {
  return (await (await fetchOk(url)).json()) as T;
}

/** A text answer's body, e.g. the seat paths file; `signal` aborts it. */
export async function fetchText(url: string, signal?: AbortSignal): Promise<string> {
  return (await fetchOk(url, signal)).text();
}

/** An answer's bytes, e.g. the server-drawn map image. */
export async function fetchBlob(url: string): Promise<Blob> {
  return (await fetchOk(url)).blob();
}
