import tseslint from "typescript-eslint";

const serverOnlyModules = {
  patterns: [
    {
      group: ["@/lib/db", "@/lib/db/*", "@/lib/provider", "@/lib/provider/*", "@/lib/sending", "@/lib/sending/*",
              "@/lib/auth", "@/lib/auth/*", "@/lib/env", "server-only", "**/lib/db/*", "**/lib/provider/*",
              "**/lib/sending/*", "**/lib/auth/*", "**/lib/env"],
      message: "components/ and lib/domain/ must not import server-only modules (db, provider, sending, auth, env).",
    },
  ],
};

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": ["error", { "ts-ignore": true, "ts-expect-error": "allow-with-description" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["components/**/*.{ts,tsx}", "lib/domain/**/*.ts", "lib/validation/**/*.ts", "lib/i18n/**/*.ts"],
    // lib/i18n/server-*.ts read request headers and cookies: server helpers beside the shared catalogue.
    ignores: ["lib/i18n/server-*.ts"],
    rules: { "no-restricted-imports": ["error", serverOnlyModules] },
  },
  {
    files: ["lib/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...serverOnlyModules.patterns,
            { group: ["react", "react-dom", "next", "next/*", "react/*"], message: "lib/domain is pure: no React or Next." },
          ],
        },
      ],
    },
  },
);
