/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and Node-only drivers stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "pg", "pdfkit", "kysely", "exceljs"],
};

module.exports = nextConfig;
