/** Greek labels printed on the rendered documents (PDF, HTML, XML comments). */

const INVOICE_TYPE_NAMES: ReadonlyMap<string, string> = new Map([
  ["1.1", "Τιμολόγιο Πώλησης"],
  ["2.1", "Τιμολόγιο Παροχής"],
  ["5.1", "Πιστωτικό Τιμολόγιο / Συσχετιζόμενο"],
  ["5.2", "Πιστωτικό Τιμολόγιο / Μη Συσχετιζόμενο"],
  ["11.4", "Πιστωτικό Στοιχ. Λιανικής"],
]);

const UNIT_NAMES: ReadonlyMap<number, string> = new Map([
  [1, "Τεμάχια"], [2, "Κιλά"], [3, "Λίτρα"], [4, "Μέτρα"], [5, "Τετραγωνικά Μέτρα"], [6, "Κυβικά Μέτρα"],
  [7, "Τεμάχια_Λοιπές Περιπτώσεις"],
]);

const PAYMENT_NAMES: ReadonlyMap<number, string> = new Map([
  [1, "Επαγ. Λογαριασμός Πληρωμών Ημεδαπής"], [2, "Επαγ. Λογαριασμός Πληρωμών Αλλοδαπής"], [3, "Μετρητά"],
  [4, "Επιταγή"], [5, "Επί Πιστώσει"], [6, "Web Banking"], [7, "POS / e-POS"], [8, "Άμεσες Πληρωμές IRIS"],
]);

export function invoiceTypeName(code: string): string {
  return INVOICE_TYPE_NAMES.get(code) ?? `Παραστατικό ${code}`;
}

export function unitName(code: number | null): string {
  return code === null ? "" : (UNIT_NAMES.get(code) ?? String(code));
}

export function paymentMethodName(code: number): string {
  return PAYMENT_NAMES.get(code) ?? String(code);
}
