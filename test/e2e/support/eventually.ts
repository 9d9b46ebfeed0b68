/** Retries an assertion until it passes or the time is up, then throws its last error: playwright-core has no expect. */
export async function eventually<T>(
  check: () => Promise<T> | T,
  { timeout = 10_000, interval = 100, what }: { timeout?: number; interval?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() >= deadline) {
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(what ? `${what} (after ${timeout} ms): ${message}` : message, { cause: error });
      }
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
