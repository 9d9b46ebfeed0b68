/**
 * Runs once when a Next server starts. Starts the signature history in the Node runtime: every upstream fetch is
 * recorded, and (unless HISTORY_POLLER=off) the poller follows open petitions; with PETITIONS_INDEX=on, the
 * petitions index crawls in the background. Never during `next build`.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startHistory } = await import("@/lib/history/runtime");
  startHistory();
  const { startIndexer } = await import("@/lib/petition-index/runtime");
  startIndexer();
}
