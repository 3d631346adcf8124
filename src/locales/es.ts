// Spanish (`appsmith-auth-kit/locales/es`): every text of the forms and the widget.
import type { LocaleMessages } from "./types.js";

export type { LocaleMessages } from "./types.js";

/** Spanish. */
export const es: LocaleMessages = {
  emailLabel: "Correo electrónico",
  passwordLabel: "Contraseña",
  confirmPasswordLabel: "Confirmar contraseña",
  showPassword: "Mostrar contraseña",
  hidePassword: "Ocultar contraseña",
  signIn: "Iniciar sesión",
  signingIn: "Iniciando sesión…",
  signUp: "Crear cuenta",
  signingUp: "Creando cuenta…",
  signOut: "Cerrar sesión",
  signingOut: "Cerrando sesión…",
  emailRequired: "Introduce tu correo electrónico.",
  emailInvalid: "Introduce un correo electrónico válido, como nombre@example.com.",
  passwordRequired: "Introduce tu contraseña.",
  passwordPolicy: "Elige una contraseña que cumpla todos los requisitos.",
  passwordsMismatch: "Las contraseñas no coinciden.",
  fieldRequired: "Rellena el campo «{label}».",
  hintMinLength: "Al menos {min} caracteres",
  hintLowercase: "Una letra minúscula",
  hintUppercase: "Una letra mayúscula",
  hintDigit: "Un dígito",
  hintSymbol: "Un símbolo",
  hintMet: "(cumplido)",
  hintUnmet: "(falta)",
  checkEmail: "Revisa tu correo: te hemos enviado un enlace para confirmar tu cuenta.",
  sessionExpired: "Tu sesión ha caducado. Vuelve a iniciar sesión.",
  errors: {
    invalid_credentials: "El correo electrónico o la contraseña no son correctos.",
    email_taken: "Ya existe una cuenta con este correo electrónico.",
    weak_password: "Esta contraseña es demasiado débil.",
    invalid_email: "Este correo electrónico no es válido.",
    email_not_confirmed: "Confirma tu correo electrónico antes de iniciar sesión.",
    user_disabled: "Esta cuenta se ha desactivado.",
    session_expired: "Tu sesión ha caducado. Vuelve a iniciar sesión.",
    refresh_failed: "No se ha podido renovar tu sesión. Vuelve a iniciar sesión.",
    network:
      "No se ha podido conectar con el servicio de inicio de sesión. Comprueba tu conexión e inténtalo de nuevo.",
    timeout:
      "El servicio de inicio de sesión ha tardado demasiado en responder. Inténtalo de nuevo.",
    rate_limited: "Demasiados intentos. Espera un momento e inténtalo de nuevo.",
    not_supported: "El servicio de inicio de sesión no admite esta acción.",
    invalid_response:
      "El servicio de inicio de sesión ha enviado una respuesta que no se ha podido leer.",
    invalid_config: "El servicio de inicio de sesión no está bien configurado.",
    provider_error: "El servicio de inicio de sesión ha informado de un error. Inténtalo de nuevo.",
    superseded: "Un inicio o cierre de sesión más reciente ha sustituido a este.",
  },
  signInTitle: "Iniciar sesión",
  signInSubtitle: "Hola de nuevo. Introduce tu correo electrónico y tu contraseña.",
  signUpTitle: "Crear una cuenta",
  signUpSubtitle: "Introduce tu correo electrónico y elige una contraseña.",
  signedInTitle: "Has iniciado sesión",
  signedInAs: "Sesión iniciada como {email}",
  restoring: "Restaurando tu sesión…",
  reconnecting: "Reconectando con el servicio de inicio de sesión…",
  signedOut: "Has cerrado sesión.",
  switchToSignUp: "¿Aún no tienes cuenta? Crea una",
  switchToSignIn: "¿Ya tienes cuenta? Inicia sesión",
  configErrorTitle: "El widget de inicio de sesión no está bien configurado",
};
export default es;
