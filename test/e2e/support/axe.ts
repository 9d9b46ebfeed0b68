/** axe-core in a page: serious and critical violations fail the test. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { repoRoot } from "@/scripts/data/paths";

const axeSource = readFileSync(path.join(repoRoot, "node_modules/axe-core/axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page and prints what it found; serious and critical violations fail the test. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // Evaluated through DevTools: the page's CSP rightly refuses an added inline <script> (it matches no hash).
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await (
      window as unknown as { axe: { run: () => Promise<{ violations: AxeViolation[] }> } }
    ).axe.run();
    return result.violations.map(({ id, impact, nodes }) => ({ id, impact, nodes: nodes.slice(0, 3) }));
  });
  const serious = violations.filter(
    (violation) => violation.impact === "serious" || violation.impact === "critical",
  );
  console.log(
    `  axe ${label}: ${violations.length} violations (${serious.length} serious/critical)` +
      violations
        .map((v) => `\n    ${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`)
        .join(""),
  );
  assert.deepEqual(serious, [], `${label}: serious or critical accessibility violations`);
}
