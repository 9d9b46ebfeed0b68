/** The browser's one way to read the app's API and images: a 2xx answer, else an error with its status. */
async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

/** A JSON answer's body (SWR's fetcher). */
export async function fetchJson<T>(url: string): Promise<T> {
  return (await (await fetchOk(url)).json()) as T;
}

/** An answer's bytes, e.g. the server-drawn map image. */
export async function fetchBlob(url: string): Promise<Blob> {
  return (await fetchOk(url)).blob();
}
