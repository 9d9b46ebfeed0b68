/** `npm run data`: raw inputs in ../shared → deterministic outputs in data/ and public/. */
import { steps } from "./data/steps";

async function main() {
  for (const step of steps) {
    const started = performance.now();
    await step.run();
    console.log(`${step.name}: ${Math.round(performance.now() - started)} ms`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
