import type { Locale } from "./locale";
import { interpolate } from "./validation-messages";

/** Strings of sign-in, users, audit and the security answers of the API. */
export const authMessages = {
  "login.title": { el: "Σύνδεση", en: "Sign in" },
  "login.email": { el: "E-mail", en: "E-mail" },
  "login.password": { el: "Κωδικός", en: "Password" },
  "login.submit": { el: "Σύνδεση", en: "Sign in" },
  "login.working": { el: "Σύνδεση…", en: "Signing in…" },
  "login.failed": { el: "Η σύνδεση απέτυχε. Δοκιμάστε ξανά.", en: "Sign-in failed. Please try again." },
  "login.noUsers": {
    el: "Δεν υπάρχει ακόμη χρήστης. Δημιουργήστε πρώτα τον διαχειριστή, από τον σύνδεσμο /setup?token=… που τύπωσε ο διακομιστής στο αρχείο καταγραφής κατά την εκκίνηση.",
    en: "There is no user yet. Create the administrator first, with the /setup?token=… link the server printed in its log at start.",
  },
  "setup.title": { el: "Πρώτη ρύθμιση: διαχειριστής", en: "First-run set-up: administrator" },
  "setup.intro": {
    el: "Η σελίδα υπάρχει μόνο όσο δεν υπάρχει κανένας χρήστης. Ο λογαριασμός που δημιουργείτε είναι διαχειριστής.",
    en: "This page exists only while there is no user. The account you create is an administrator.",
  },
  "setup.submit": { el: "Δημιουργία και σύνδεση", en: "Create and sign in" },
  "nav.users": { el: "Χρήστες", en: "Users" },
  "nav.audit": { el: "Ιστορικό ενεργειών", en: "Audit log" },
  "nav.signOut": { el: "Αποσύνδεση", en: "Sign out" },
  "nav.signedInAs": { el: "Συνδεδεμένος/η ως", en: "Signed in as" },
  "role.admin": { el: "Διαχειριστής", en: "Administrator" },
  "role.clerk": { el: "Υπάλληλος έκδοσης", en: "Clerk" },
  "role.viewer": { el: "Αναγνώστης", en: "Viewer" },
  "users.title": { el: "Χρήστες και ρόλοι", en: "Users and roles" },
  "users.add": { el: "Νέος χρήστης", en: "New user" },
  "users.name": { el: "Όνομα", en: "Name" },
  "users.email": { el: "E-mail", en: "E-mail" },
  "users.role": { el: "Ρόλος", en: "Role" },
  "users.status": { el: "Κατάσταση", en: "Status" },
  "users.password": { el: "Κωδικός", en: "Password" },
  "users.passwordHint": { el: "τουλάχιστον {min} χαρακτήρες, όχι κάποιος πολύ συνηθισμένος", en: "at least {min} characters, not a common password" },
  "users.active": { el: "ενεργός", en: "active" },
  "users.disabledState": { el: "απενεργοποιημένος", en: "disabled" },
  "users.disable": { el: "Απενεργοποίηση", en: "Disable" },
  "users.enable": { el: "Ενεργοποίηση", en: "Enable" },
  "users.resetPassword": { el: "Ορισμός νέου κωδικού", en: "Set a new password" },
  "users.newPassword": { el: "Νέος κωδικός για {email}", en: "New password for {email}" },
  "users.create": { el: "Προσθήκη", en: "Add" },
  "users.save": { el: "Αποθήκευση", en: "Save" },
  "users.cancel": { el: "Άκυρο", en: "Cancel" },
  "users.saved": { el: "Αποθηκεύτηκε.", en: "Saved." },
  "users.you": { el: "(εσείς)", en: "(you)" },
  "users.actions": { el: "Ενέργειες", en: "Actions" },
  "users.created": { el: "Δημιουργήθηκε", en: "Created" },
  "audit.title": { el: "Ιστορικό ενεργειών", en: "Audit log" },
  "audit.actor": { el: "Χρήστης", en: "Actor" },
  "audit.action": { el: "Ενέργεια", en: "Action" },
  "audit.anyAction": { el: "όλες", en: "any" },
  "audit.from": { el: "Από (ημερομηνία)", en: "From (date)" },
  "audit.to": { el: "Έως (ημερομηνία)", en: "To (date)" },
  "audit.filter": { el: "Εφαρμογή φίλτρων", en: "Apply filters" },
  "audit.clear": { el: "Καθαρισμός", en: "Clear" },
  "audit.at": { el: "Χρόνος (Αθήνα)", en: "Time (Athens)" },
  "audit.target": { el: "Αντικείμενο", en: "Target" },
  "audit.detail": { el: "Λεπτομέρειες", en: "Detail" },
  "audit.correlation": { el: "Αναγνωριστικό αιτήματος", en: "Correlation id" },
  "audit.none": { el: "Καμία εγγραφή για αυτά τα φίλτρα.", en: "No entries for these filters." },
  "audit.older": { el: "Παλαιότερες εγγραφές →", en: "Older entries →" },
  "audit.system": { el: "σύστημα", en: "system" },
} satisfies Record<string, Record<Locale, string>>;

export type AuthMessageKey = keyof typeof authMessages;

/** The string of a key in a language, with `{name}` placeholders filled. */
export function authT(key: AuthMessageKey, locale: Locale, params: Record<string, string | number> = {}): string {
  return interpolate(authMessages[key][locale], params);
}
