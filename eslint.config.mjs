import tseslint from "typescript-eslint";

const serverOnlyGroups = ["@/lib/db", "@/lib/db/*", "@/lib/provider", "@/lib/provider/**", "@/lib/sending", "@/lib/sending/*",
  "@/lib/auth", "@/lib/auth/*", "@/lib/env", "server-only", "**/lib/db/*", "**/lib/provider/**",
  "**/lib/sending/*", "**/lib/auth/*", "**/lib/env"];
const serverOnlyMessage = "components/ and lib/domain/ must not import server-only modules (db, provider, sending, auth, env).";

// lib/domain, lib/validation and lib/i18n: nothing server-only, not even a type.
const serverOnlyModules = { patterns: [{ group: serverOnlyGroups, message: serverOnlyMessage }] };

// components/: the same, except the types of the provider document the review step shows (no code).
const componentModules = {
  patterns: [
    { regex: "^(server-only|(@/|.*/)lib/(db|sending|auth|env)(/.*)?|(@/|.*/)lib/provider(?!/impact/document-types$)(/.*)?)$", message: serverOnlyMessage },
    { group: ["@/lib/provider/impact/document-types"], allowTypeImports: true, message: "components/ may import only the types of the provider document." },
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
    files: ["lib/domain/**/*.ts", "lib/validation/**/*.ts", "lib/i18n/**/*.ts"],
    // lib/i18n/server-*.ts read request headers and cookies: server helpers beside the shared catalogue.
    ignores: ["lib/i18n/server-*.ts"],
    rules: { "no-restricted-imports": ["error", serverOnlyModules] },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", componentModules] },
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
