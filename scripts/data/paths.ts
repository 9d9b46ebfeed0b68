import path from "node:path";

/** Repository root (scripts/data/ is two levels down). */
export const repoRoot = path.resolve(__dirname, "../..");
/** Raw inputs: ../shared beside the repository unless SHARED_DIR says otherwise. */
export const sharedDir = process.env.SHARED_DIR ?? path.resolve(repoRoot, "../shared");
export const sharedData = (...parts: string[]) => path.join(sharedDir, "data", ...parts);
export const dataOut = (...parts: string[]) => path.join(repoRoot, "data", ...parts);
export const publicOut = (...parts: string[]) => path.join(repoRoot, "public", ...parts);
