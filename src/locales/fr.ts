// French (`appsmith-auth-kit/locales/fr`): every text of the forms and the widget. French
// punctuation takes a no-break space before ":", "?" and inside « ».
import type { LocaleMessages } from "./types.js";

export type { LocaleMessages } from "./types.js";

/** French. */
export const fr: LocaleMessages = {
  emailLabel: "Adresse e-mail",
  passwordLabel: "Mot de passe",
  confirmPasswordLabel: "Confirmer le mot de passe",
  showPassword: "Afficher le mot de passe",
  hidePassword: "Masquer le mot de passe",
  signIn: "Se connecter",
  signingIn: "Connexion…",
  signUp: "Créer un compte",
  signingUp: "Création du compte…",
  signOut: "Se déconnecter",
  signingOut: "Déconnexion…",
  emailRequired: "Saisissez votre adresse e-mail.",
  emailInvalid: "Saisissez une adresse e-mail valide, par exemple nom@example.com.",
  passwordRequired: "Saisissez votre mot de passe.",
  passwordPolicy: "Choisissez un mot de passe qui respecte toutes les exigences.",
  passwordsMismatch: "Les mots de passe ne correspondent pas.",
  fieldRequired: "Renseignez le champ «\u00a0{label}\u00a0».",
  hintMinLength: "Au moins {min} caractères",
  hintLowercase: "Une lettre minuscule",
  hintUppercase: "Une lettre majuscule",
  hintDigit: "Un chiffre",
  hintSymbol: "Un symbole",
  hintMet: "(respecté)",
  hintUnmet: "(manquant)",
  checkEmail:
    "Consultez vos e-mails\u00a0: nous vous avons envoyé un lien pour confirmer votre compte.",
  sessionExpired: "Votre session a expiré. Veuillez vous reconnecter.",
  errors: {
    invalid_credentials: "L’adresse e-mail ou le mot de passe est incorrect.",
    email_taken: "Un compte existe déjà avec cette adresse e-mail.",
    weak_password: "Ce mot de passe est trop faible.",
    invalid_email: "Cette adresse e-mail n’est pas valide.",
    email_not_confirmed: "Veuillez confirmer votre adresse e-mail avant de vous connecter.",
    user_disabled: "Ce compte a été désactivé.",
    session_expired: "Votre session a expiré. Veuillez vous reconnecter.",
    refresh_failed: "Votre session n’a pas pu être renouvelée. Veuillez vous reconnecter.",
    network:
      "Impossible de joindre le service de connexion. Vérifiez votre connexion et réessayez.",
    timeout: "Le service de connexion a mis trop de temps à répondre. Veuillez réessayer.",
    rate_limited: "Trop de tentatives. Patientez un instant, puis réessayez.",
    not_supported: "Le service de connexion ne prend pas en charge cette action.",
    invalid_response: "Le service de connexion a envoyé une réponse illisible.",
    invalid_config: "Le service de connexion n’est pas configuré correctement.",
    provider_error: "Le service de connexion a signalé une erreur. Veuillez réessayer.",
    superseded: "Une connexion ou une déconnexion plus récente a remplacé celle-ci.",
  },
  signInTitle: "Se connecter",
  signInSubtitle: "Bon retour parmi nous. Saisissez votre adresse e-mail et votre mot de passe.",
  signUpTitle: "Créer un compte",
  signUpSubtitle: "Saisissez votre adresse e-mail et choisissez un mot de passe.",
  signedInTitle: "Vous êtes connecté",
  signedInAs: "Connecté en tant que {email}",
  restoring: "Restauration de votre session…",
  reconnecting: "Reconnexion au service de connexion…",
  signedOut: "Vous êtes déconnecté.",
  switchToSignUp: "Pas encore de compte\u00a0? Créez-en un",
  switchToSignIn: "Vous avez déjà un compte\u00a0? Connectez-vous",
  configErrorTitle: "Le widget de connexion n’est pas configuré correctement",
};
export default fr;
