import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "dist/**",
      "node_modules/**",
      "public/**",
      "data/**",
      "test-results/**",
      "next-env.d.ts",
    ],
  },
];

export default config;
