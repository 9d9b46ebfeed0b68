import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import { decodeIndex } from "./codec";
import { INDEX_DIR, META_FILE, type PostcodeIndexMeta } from "./meta";
import { PostcodeTable } from "./table";

export interface PostcodeIndex {
  table: PostcodeTable;
  meta: PostcodeIndexMeta;
}

const gunzipAsync = promisify(gunzip);
let loading: Promise<PostcodeIndex> | undefined;

/** Reads and decodes the index afresh (the bench times this); the app uses loadPostcodeIndex. */
export async function readPostcodeIndex(): Promise<PostcodeIndex> {
  // cwd-relative: `next start`, scripts and tests all run from the repository root.
  const dir = path.join(process.cwd(), INDEX_DIR);
  const meta = JSON.parse(await readFile(path.join(dir, META_FILE), "utf8")) as PostcodeIndexMeta;
  const bytes = await gunzipAsync(await readFile(path.join(dir, meta.file)));
  return { table: new PostcodeTable(decodeIndex(bytes)), meta };
}

/** The index, read once per process; a failed read is forgotten so the next call tries again. */
export function loadPostcodeIndex(): Promise<PostcodeIndex> {
  loading ??= readPostcodeIndex().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
