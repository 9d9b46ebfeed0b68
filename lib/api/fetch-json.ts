/** The browser's one way to read the JSON API (and SWR's fetcher): a 2xx answer's body, else an error with its status. */
export async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}
