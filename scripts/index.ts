/**
 * npm run index: one pass of the petitions index against PETITIONS_API_BASE, into the history's database
 * (DATABASE_URL or HISTORY_DIR), at PETITIONS_INDEX_RATE requests a second; exits 0 when every list was read to
 * its end and every petition fetched, 1 otherwise (the next pass carries on from what is stored).
 */
import { historyLocation, stopHistory } from "@/lib/history/runtime";
import { indexOnce } from "@/lib/petition-index/runtime";

async function main() {
  console.log(`Indexing petitions into ${historyLocation()}`);
  const report = await indexOnce();
  console.log(
    `${report.listed} petitions listed on ${report.listPages} pages; ${report.fetched} fetched, ` +
      `${report.unchanged} unchanged, ${report.failed} failed`,
  );
  await stopHistory();
  process.exit(report.complete ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
