import type { Config } from "tailwindcss";

// Read by Tailwind v4 through `@config` in app/globals.css.
const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        brand: { DEFAULT: "#0b4f8a", dark: "#083a66", light: "#e6f0fa" },
        sandbox: "#b45309",
        production: "#b91c1c",
      },
      fontFamily: {
        sans: ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Noto Sans", "Arial", "sans-serif"],
      },
    },
  },
};

export default config;
