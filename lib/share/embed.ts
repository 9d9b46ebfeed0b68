import { embedPath, normaliseViewQuery } from "./links";
import { escapeMarkup } from "@/lib/markup";

export interface EmbedSnippetInput {
  /** The site's origin, e.g. "https://petition-atlas.example". */
  origin: string;
  petitionId: number;
  /** The current page's query string (with or without "?"): the embed shows the same view. */
  search: string;
  title: string;
}

/** The embed view's absolute URL for the same view as a page. */
export function embedUrl({ origin, petitionId, search }: Omit<EmbedSnippetInput, "title">): string {
  return new URL(`${embedPath(petitionId)}${normaliseViewQuery(search)}`, origin).href;
}

/** HTML to paste into another site: a lazy, titled iframe of the embed view; every attribute value escaped. */
export function embedSnippet(input: EmbedSnippetInput): string {
  const attributes: [string, string][] = [
    ["src", embedUrl(input)],
    ["title", `Petition Atlas: ${input.title}`],
    ["width", "100%"],
    ["height", "640"],
    ["style", "border:0;max-width:100%"],
    ["loading", "lazy"],
  ];
  return `<iframe ${attributes.map(([name, value]) => `${name}="${escapeMarkup(value)}"`).join(" ")}></iframe>`;
}
