import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/** First 8 hex digits of the SHA-256 of the content: the cache-busting part of a public file name. */
export function hash8(content: string): string {
  return createHash("sha256").update(content).digest("hex").slice(0, 8);
}

/** Gzipped size at level 9, the size a browser downloads from a compressing server. */
export function gzipBytes(content: string): number {
  return gzipSync(Buffer.from(content), { level: 9 }).length;
}

const hashedName = (stem: string, ext: string) =>
  new RegExp(`^${stem.replace(/[.]/g, "\\.")}\\.[0-9a-f]{8}\\.${ext.replace(/[.]/g, "\\.")}$`);

/** Writes `<stem>.<hash8>.<ext>` into dir, removes stale hashed versions, returns the file name. */
export function writeHashed(dir: string, stem: string, ext: string, content: string): string {
  mkdirSync(dir, { recursive: true });
  const name = `${stem}.${hash8(content)}.${ext}`;
  for (const stale of findHashed(dir, stem, ext)) {
    if (stale !== name) rmSync(path.join(dir, stale));
  }
  writeFileSync(path.join(dir, name), content);
  return name;
}

/** The hashed files `<stem>.<hash8>.<ext>` present in dir, sorted. */
export function findHashed(dir: string, stem: string, ext: string): string[] {
  const pattern = hashedName(stem, ext);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((name) => pattern.test(name)).sort();
}

/** Pretty JSON with a final newline so the committed files diff line by line. */
export function writeJson(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}
