/** The UK Parliament petitions site: its address and the paths of its pages, written once for the whole app. */

export const PETITIONS_HOST = "petition.parliament.uk";
export const PETITIONS_SITE = `https://${PETITIONS_HOST}`;

/** A petition's path on the site; petitions of earlier parliaments live under /archived/. */
export function petitionPath(id: number, archived = false): string {
  return `/${archived ? "archived/" : ""}petitions/${id}`;
}

/** A petition's page on the site, as readers follow it. */
export function publicPetitionUrl(id: number, archived = false): string {
  return `${PETITIONS_SITE}${petitionPath(id, archived)}`;
}

/** Where a reader signs an open petition. */
export function signPetitionUrl(id: number): string {
  return `${publicPetitionUrl(id)}/signatures/new`;
}
