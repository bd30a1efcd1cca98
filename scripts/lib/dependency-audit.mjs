import { spawn } from "node:child_process";

/**
 * Known-vulnerability check of the dependencies, for `npm test` and CI. Runs
 * `npm audit --package-lock-only`: it reads package-lock.json only (no node_modules, no install)
 * and sends the locked names and versions to the registry's bulk advisory endpoint
 * (POST /-/npm/v1/security/advisories/bulk). A high or critical advisory fails the check. When
 * the registry cannot be reached or does not answer that endpoint (offline, a mirror without
 * it), the check is skipped with the reason — never silently passed.
 */

const UNREACHABLE = /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|socket hang up|network)\b|\b(404|405|501|502|503|504) [A-Z]/i;

/**
 * What an `npm audit --json` report means: `fail` with the offending packages for any high or
 * critical advisory, `pass` when there is none, `skip` when the advisory endpoint could not be
 * asked. Anything unreadable fails, so a broken check is never mistaken for a clean one.
 */
export function verdictOfAudit(report) {
  if (report === undefined || report === null || typeof report !== "object") {
    return { status: "fail", message: "npm audit gave no readable report" };
  }
  const counts = report.metadata?.vulnerabilities;
  if (counts && typeof counts === "object") {
    const serious = Object.values(report.vulnerabilities ?? {})
      .filter((entry) => entry && (entry.severity === "high" || entry.severity === "critical"))
      .map((entry) => `${entry.name} (${entry.severity}${entry.range ? `, ${entry.range}` : ""})`)
      .sort();
    const total = (counts.high ?? 0) + (counts.critical ?? 0);
    if (total > 0) return { status: "fail", message: `${total} high/critical advisories: ${serious.join(", ") || "see npm audit"}` };
    return { status: "pass", message: `no high or critical advisories (${counts.total ?? 0} lower)` };
  }
  const problem = String(report.error?.summary || report.message || report.error?.code || "");
  if (UNREACHABLE.test(problem) || UNREACHABLE.test(String(report.error?.code ?? ""))) {
    return { status: "skip", message: `the registry's advisory endpoint could not be reached (${problem.split(" - ")[0] || "no answer"})` };
  }
  return { status: "fail", message: `npm audit failed: ${problem || "unknown error"}` };
}

/** Runs the check in `cwd`; resolves with `verdictOfAudit`'s answer (never rejects). */
export function auditDependencies({ cwd, timeoutMs = 120_000 } = {}) {
  return new Promise((resolve) => {
    const child = spawn("npm", ["audit", "--package-lock-only", "--audit-level=high", "--json"], { cwd, stdio: ["ignore", "pipe", "ignore"] });
    let out = "";
    const timer = setTimeout(() => child.kill("SIGTERM"), timeoutMs);
    child.stdout.on("data", (chunk) => {
      out += chunk;
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve({ status: "fail", message: `could not run npm audit: ${error.message}` });
    });
    child.on("close", () => {
      clearTimeout(timer);
      let report;
      try {
        report = JSON.parse(out);
      } catch {
        report = out.trim() === "" ? { message: "ETIMEDOUT no answer from npm audit" } : undefined;
      }
      resolve(verdictOfAudit(report));
    });
  });
}
