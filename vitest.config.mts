import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // Next enforces "server-only" at build time; under Vitest it is an empty module.
      "server-only": fileURLToPath(new URL("./test/unit/empty-module.ts", import.meta.url)),
    },
  },
  test: {
    include: [
      "lib/**/*.test.ts",
      "components/**/*.test.{ts,tsx}",
      "scripts/**/*.test.ts",
      "test/unit/**/*.test.ts",
    ],
    environment: "node",
    testTimeout: 20000,
  },
});
