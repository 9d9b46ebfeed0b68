/** Turns what a visitor types or pastes (a number or a petitions-site link) into a petition id. */

export type PetitionInputResult = { ok: true; id: number } | { ok: false; message: string };

import { PETITIONS_HOST, PETITIONS_SITE } from "./site";

export const PETITION_INPUT_HINT = `Enter a petition number (like 575833) or a link to a petition on ${PETITIONS_HOST}.`;

const PETITIONS_HOSTS = new Set([PETITIONS_HOST, `www.${PETITIONS_HOST}`]);
const MAX_INPUT_LENGTH = 2048;
/** A petition id in our URLs and the petitions site's: 1–9 digits, so no other text reaches an upstream URL. */
export const PETITION_ID_PATTERN = "\\d{1,9}";
const BARE_ID = new RegExp(`^${PETITION_ID_PATTERN}$`);
// "/petitions/575833", "/archived/petitions/575833.json", "/petitions/575833/signatures/new", ...
const PETITION_PATH = new RegExp(
  `^/(?:archived/)?petitions/(${PETITION_ID_PATTERN})(?:\\.json)?(?:/[\\w./-]*)?$`,
);

/** The petition id a URL segment or query value names, or null when it is not 1–9 digits. */
export function petitionIdOf(text: string | null | undefined): number | null {
  return text != null && BARE_ID.test(text) ? Number(text) : null;
}

function toId(digits: string): PetitionInputResult {
  const id = Number(digits);
  return id >= 1
    ? { ok: true, id }
    : { ok: false, message: "Petition numbers start at 1. " + PETITION_INPUT_HINT };
}

/** Parses with an implied https:// (pasted links often lack it) or as a path on the petitions site. */
function parseLink(text: string): URL | null {
  const candidate = text.startsWith("/")
    ? `${PETITIONS_SITE}${text}`
    : /^[a-z][a-z0-9+.-]*:\/\//i.test(text)
      ? text
      : `https://${text}`;
  try {
    return new URL(candidate);
  } catch {
    return null;
  }
}

export function parsePetitionInput(raw: string): PetitionInputResult {
  const text = raw.trim();
  if (text === "") return { ok: false, message: PETITION_INPUT_HINT };
  if (text.length > MAX_INPUT_LENGTH)
    return { ok: false, message: "That is too long. " + PETITION_INPUT_HINT };
  if (BARE_ID.test(text)) return toId(text);

  const url = parseLink(text);
  const isPetitionsSite =
    url !== null &&
    (url.protocol === "https:" || url.protocol === "http:") &&
    url.username === "" &&
    url.password === "" &&
    url.port === "" &&
    PETITIONS_HOSTS.has(url.hostname);
  if (!isPetitionsSite) return { ok: false, message: PETITION_INPUT_HINT };

  const match = PETITION_PATH.exec(url.pathname);
  if (!match?.[1]) {
    return { ok: false, message: "That link is not to a single petition. " + PETITION_INPUT_HINT };
  }
  return toId(match[1]);
}
