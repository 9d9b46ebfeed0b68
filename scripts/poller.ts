/**
 * npm run poller: the history poller as its own process, for deployments with several web instances (run them with
 * HISTORY_POLLER=off and one of these beside them, all on the same DATABASE_URL). Same environment as the server:
 * DATABASE_URL or HISTORY_DIR, HISTORY_TRACK, HISTORY_POLL_MS, PETITIONS_API_BASE, REDIS_URL.
 */
import { historyLocation, startHistory, stopHistory } from "@/lib/history/runtime";

startHistory({ poller: true });
console.log(`History poller running; store: ${historyLocation()}`);

// The poller's timers do not hold the process open (in a server they must not); this one does.
const keepAlive = setInterval(() => undefined, 60_000);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    clearInterval(keepAlive);
    void stopHistory().then(() => process.exit(0));
  });
}
