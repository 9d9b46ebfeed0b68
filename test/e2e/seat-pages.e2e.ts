import assert from "node:assert/strict";
import { test } from "./harness";
import { expectSelected, panelLocator, waitForMapReady } from "./support/atlas";
import { expectAccessible } from "./support/axe";

const SALFORD = "E14000911";

test("seats: the seat panel links to the seat's page", async ({ page, open }) => {
  await open(`/?area=${SALFORD}`);
  await waitForMapReady(page);
  const link = panelLocator(page).getByRole("link", {
    name: "What Salford and Eccles signs across all petitions",
  });
  await link.click();
  await page.waitForURL(`**/seats/${SALFORD}?set=2010`);
  await page.getByRole("heading", { level: 1, name: "Salford and Eccles" }).waitFor();
});

test("seats: a row of the seat page opens the petition's map with the seat selected", async ({
  page,
  open,
}) => {
  await open(`/seats/${SALFORD}?set=2010`);
  // The browser tests' app has an empty index: the page says so and ranks the bundled petition alone.
  await page.getByText("No petitions are indexed yet").waitFor();
  await page.getByText("Topics cover current petitions only").waitFor();
  const rows = page.getByTestId("seat-petitions").locator("[data-petition-id]");
  assert.deepEqual(
    await rows.evaluateAll((items) => items.map((item) => item.getAttribute("data-petition-id"))),
    ["575833"],
  );
  await rows.first().getByRole("link").click();
  await page.waitForURL(`**/petitions/575833?area=${SALFORD}`);
  await expectSelected(page, SALFORD);
  await panelLocator(page).getByRole("heading", { name: "Salford and Eccles" }).waitFor();
});

test("seats: a 2010 seat links to the 2024 seats that replaced it, and back", async ({ page, open }) => {
  await open(`/seats/${SALFORD}?set=2010`);
  await page.getByRole("link", { name: "Salford" }).click();
  await page.waitForURL("**/seats/E14001459?set=2024");
  await page.getByText("Constituency on the 2024 boundaries").waitFor();
  await page.getByRole("link", { name: "Salford and Eccles" }).click();
  await page.waitForURL(`**/seats/${SALFORD}?set=2010`);
});

test("seats: the about page gives the index's coverage and says topics cover current petitions only", async ({
  page,
  open,
}) => {
  await open("/about");
  await page.getByRole("heading", { name: "The petitions index" }).waitFor();
  // The browser tests' app has an empty index.
  await page.getByText("It is empty on this server, so seat pages show only the petition bundled").waitFor();
  await page.getByText("Topics come from the petitions site for current petitions only").waitFor();
});

test("a11y: axe finds no serious or critical issues on a seat page", async ({ page, open }) => {
  await open(`/seats/${SALFORD}?set=2010`);
  await page.getByTestId("seat-petitions").waitFor();
  await expectAccessible(page, "a seat page");
});
