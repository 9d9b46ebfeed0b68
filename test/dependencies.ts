/**
 * Whether to skip tests that need something npm does not install (a server binary, the raw inputs in ../shared).
 * Outside CI a missing one skips them with a warning. Under CI (CI set) they run and fail on it, so a green run
 * cannot hide an install step that .ci/run lacks.
 */
export function skipWithout(available: boolean, missing: string): boolean {
  if (available) return false;
  if (process.env.CI) {
    console.error(`${missing}: CI must provide it (see .ci/run), so these tests run and fail`);
    return false;
  }
  console.warn(`${missing}: skipping these tests`);
  return true;
}
