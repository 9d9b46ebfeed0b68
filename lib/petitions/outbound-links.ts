/**
 * Links the petitions site gives us (a debate's transcript and video) become our pages' hrefs, so only https links
 * to Parliament's own sites pass: parliament.uk and parliamentlive.tv, and their subdomains. Any other is dropped.
 */
const PARLIAMENT_HOSTS = ["parliament.uk", "parliamentlive.tv"];

export function parliamentLink(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase();
  const parliaments = PARLIAMENT_HOSTS.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
  return url.protocol === "https:" &&
    url.username === "" &&
    url.password === "" &&
    url.port === "" &&
    parliaments
    ? url.href
    : null;
}
