/** A page's searchParams as Next passes them, or a URL's. */
export type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

/** The searchParams a page is given. */
export type PageSearchParams = Promise<Record<string, string | string[] | undefined>>;

/** A query parameter's first value, "" when absent: a repeated parameter (?q=a&q=b) counts once, as a URL's get does. */
export function firstParam(params: SearchParamsLike, key: string): string {
  if (params instanceof URLSearchParams) return params.get(key) ?? "";
  const value = params[key];
  return (Array.isArray(value) ? value[0] : value) ?? "";
}
