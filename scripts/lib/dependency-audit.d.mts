export interface AuditVerdict {
  status: "pass" | "fail" | "skip";
  message: string;
}
export function verdictOfAudit(report: unknown): AuditVerdict;
export function auditDependencies(options?: { cwd?: string; timeoutMs?: number }): Promise<AuditVerdict>;
