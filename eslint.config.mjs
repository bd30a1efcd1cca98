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
  {
    // react-hook-form's internals (`control._subscribe`, `_formState`, `_fields`, a field's `_f`) are
    // not its public API: they are touched in components/form only, pinned to the version a test
    // there checks (tests/unit/components/react-hook-form-internals.test.tsx).
    files: ["components/**/*.{ts,tsx}", "app/**/*.{ts,tsx}"],
    ignores: ["components/form/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "MemberExpression[property.name=/^_[a-zA-Z]/]", message: "react-hook-form internals belong in components/form." },
      ],
    },
  },
);
