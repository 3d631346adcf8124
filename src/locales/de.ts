// German (`appsmith-auth-kit/locales/de`): every text of the forms and the widget.
import type { LocaleMessages } from "./types.js";

export type { LocaleMessages } from "./types.js";

/** German. */
export const de: LocaleMessages = {
  emailLabel: "E-Mail",
  passwordLabel: "Passwort",
  confirmPasswordLabel: "Passwort bestätigen",
  showPassword: "Passwort anzeigen",
  hidePassword: "Passwort verbergen",
  signIn: "Anmelden",
  signingIn: "Anmeldung läuft…",
  signUp: "Konto erstellen",
  signingUp: "Konto wird erstellt…",
  signOut: "Abmelden",
  signingOut: "Abmeldung läuft…",
  emailRequired: "Geben Sie Ihre E-Mail-Adresse ein.",
  emailInvalid: "Geben Sie eine gültige E-Mail-Adresse ein, z. B. name@example.com.",
  passwordRequired: "Geben Sie Ihr Passwort ein.",
  passwordPolicy: "Wählen Sie ein Passwort, das alle Anforderungen erfüllt.",
  passwordsMismatch: "Die Passwörter stimmen nicht überein.",
  fieldRequired: "Bitte füllen Sie „{label}“ aus.",
  hintMinLength: "Mindestens {min} Zeichen",
  hintLowercase: "Ein Kleinbuchstabe",
  hintUppercase: "Ein Großbuchstabe",
  hintDigit: "Eine Ziffer",
  hintSymbol: "Ein Sonderzeichen",
  hintMet: "(erfüllt)",
  hintUnmet: "(fehlt)",
  checkEmail:
    "Sehen Sie in Ihrem Postfach nach: Wir haben Ihnen einen Link zur Bestätigung Ihres Kontos geschickt.",
  sessionExpired: "Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.",
  errors: {
    invalid_credentials: "E-Mail-Adresse oder Passwort ist falsch.",
    email_taken: "Mit dieser E-Mail-Adresse gibt es bereits ein Konto.",
    weak_password: "Dieses Passwort ist zu schwach.",
    invalid_email: "Diese E-Mail-Adresse ist ungültig.",
    email_not_confirmed: "Bitte bestätigen Sie Ihre E-Mail-Adresse, bevor Sie sich anmelden.",
    user_disabled: "Dieses Konto wurde deaktiviert.",
    session_expired: "Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.",
    refresh_failed: "Ihre Sitzung konnte nicht verlängert werden. Bitte melden Sie sich erneut an.",
    network:
      "Der Anmeldedienst ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
    timeout: "Der Anmeldedienst hat zu lange nicht geantwortet. Bitte versuchen Sie es erneut.",
    rate_limited:
      "Zu viele Versuche. Bitte warten Sie einen Moment und versuchen Sie es dann erneut.",
    not_supported: "Der Anmeldedienst unterstützt diese Aktion nicht.",
    invalid_response:
      "Der Anmeldedienst hat eine Antwort gesendet, die nicht gelesen werden konnte.",
    invalid_config: "Der Anmeldedienst ist nicht richtig eingerichtet.",
    provider_error: "Der Anmeldedienst hat einen Fehler gemeldet. Bitte versuchen Sie es erneut.",
    superseded: "Eine neuere An- oder Abmeldung hat diese ersetzt.",
  },
  signInTitle: "Anmelden",
  signInSubtitle: "Willkommen zurück. Geben Sie Ihre E-Mail-Adresse und Ihr Passwort ein.",
  signUpTitle: "Konto erstellen",
  signUpSubtitle: "Geben Sie Ihre E-Mail-Adresse ein und wählen Sie ein Passwort.",
  signedInTitle: "Sie sind angemeldet",
  signedInAs: "Angemeldet als {email}",
  restoring: "Ihre Sitzung wird wiederhergestellt…",
  reconnecting: "Verbindung zum Anmeldedienst wird wiederhergestellt…",
  signedOut: "Sie sind abgemeldet.",
  switchToSignUp: "Noch kein Konto? Jetzt erstellen",
  switchToSignIn: "Schon ein Konto? Anmelden",
  configErrorTitle: "Das Anmelde-Widget ist nicht richtig eingerichtet",
};
export default de;
