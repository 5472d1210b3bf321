import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", "lib/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Tests read loosely typed JSON responses.
    files: ["tests/**/*.ts", "e2e/**/*.ts", "**/*.test.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // One implementation per number: components and pages never touch the database.
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["@/lib/server/*", "@/lib/generated/*"] }],
    },
  },
  {
    // Response types shared with the browser: they describe data, they import nothing server-side.
    files: ["lib/dto/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["@/lib/server/*", "@/lib/generated/*", "next/*", "next", "@prisma/*"] }],
    },
  },
  {
    files: ["lib/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["@/lib/server/*", "@/lib/generated/*", "next/*", "next", "@prisma/*"] }],
    },
  },
];

export default config;
