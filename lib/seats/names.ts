/**
 * A name reduced to a key for joins and searches: case, accents, "&"/"and", hyphens, commas and apostrophes differ
 * between sources and readers (e.g. "Weston-super-Mare" vs "Weston-Super-Mare", "Ynys Mon" vs "Ynys Môn").
 */
export function nameKey(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’‘.]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Index of names → code that refuses two codes sharing one key, so a join can never pick the wrong seat. */
export function seatNameIndex(seats: Iterable<{ code: string; name: string }>): Map<string, string> {
  const index = new Map<string, string>();
  for (const { code, name } of seats) {
    const key = nameKey(name);
    const existing = index.get(key);
    if (existing !== undefined && existing !== code) {
      throw new Error(`"${name}" (${code}) and ${existing} share the name key "${key}"`);
    }
    index.set(key, code);
  }
  return index;
}
