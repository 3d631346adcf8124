import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import type { AuthError } from "../core/AuthError.js";
import type { LocaleMessages } from "../locales/types.js";
import { AuthProvider } from "../react/AuthProvider.js";
import { LoginForm } from "../react/LoginForm.js";
import { LogoutButton } from "../react/LogoutButton.js";
import { mergeMessages } from "../react/messages.js";
import { SignupForm } from "../react/SignupForm.js";
import { useKitStyles } from "../react/styles.js";
import { useAuth } from "../react/useAuth.js";
import { useCapabilities } from "../react/useCapabilities.js";
import { browserLocale, WIDGET_LOCALES } from "./locales.js";
import type { WidgetConfig } from "./modelConfig.js";
import type { WidgetRenderState } from "./widgetController.js";
import { signedInText, type WidgetMessages, widgetMessages } from "./widgetMessages.js";

/** Shown instead of the forms when the Default Model or mount options are invalid. */
function ConfigError(props: { error: AuthError; text: WidgetMessages }): ReactNode {
  const root = useKitStyles(false);
  const titleId = useId();
  return (
    <div className={`${root}aak-status aak-config-error`} role="alert" aria-labelledby={titleId}>
      <strong id={titleId}>{props.text.configErrorTitle}</strong>
      <p className="aak-error">{props.error.message}</p>
    </div>
  );
}

function SignedIn(props: { config: WidgetConfig; text: WidgetMessages }): ReactNode {
  const { user } = useAuth();
  return (
    <LogoutButton
      {...(props.config.messages ? { messages: props.config.messages } : {})}
      title={props.text.signedInTitle}
      subtitle={<span role="status">{signedInText(props.text, user?.email)}</span>}
    />
  );
}

function SignedOut(props: { config: WidgetConfig; text: WidgetMessages }): ReactNode {
  const { config, text } = props;
  const root = useKitStyles(false);
  const canSignUp = useCapabilities().signUp;
  const [signingUp, setSigningUp] = useState(config.view === "signup");
  // After a switch the new form's link takes the focus the old one had.
  const [switches, setSwitches] = useState(0);
  const link = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (switches > 0) link.current?.focus();
  }, [switches]);
  const messages = config.messages ? { messages: config.messages } : {};
  if (config.view === "logout") {
    return (
      <p className={`${root}aak-status`} role="status">
        {text.signedOut}
      </p>
    );
  }
  // In the auto view, the link to the other form sits inside the card, under its button;
  // only where the adapter can sign up (an oauth2 config needs signUpUrl).
  const footer =
    config.view === "auto" && canSignUp ? (
      <button
        type="button"
        className="aak-link"
        ref={link}
        onClick={() => {
          setSigningUp(!signingUp);
          setSwitches(switches + 1);
        }}
      >
        {signingUp ? text.switchToSignIn : text.switchToSignUp}
      </button>
    ) : undefined;
  return config.view === "signup" || (config.view === "auto" && signingUp && canSignUp) ? (
    <SignupForm
      {...messages}
      {...(config.passwordPolicy ? { passwordPolicy: config.passwordPolicy } : {})}
      title={text.signUpTitle}
      subtitle={text.signUpSubtitle}
      footer={footer}
    />
  ) : (
    <LoginForm
      {...messages}
      title={text.signInTitle}
      subtitle={text.signInSubtitle}
      footer={footer}
    />
  );
}

function WidgetBody(props: { config: WidgetConfig }): ReactNode {
  const { status, session } = useAuth();
  const canRefresh = useCapabilities().refresh;
  const root = useKitStyles(false);
  const text = widgetMessages(props.config.messages as Record<string, unknown> | undefined);
  if (session) return <SignedIn config={props.config} text={text} />;
  // Restoring, or a restore kept while the provider is unreachable: never the forms.
  if (status === "initializing" || status === "reconnecting") {
    // "Restoring your session" is a promise only an adapter that refreshes can keep.
    const restoring = canRefresh ? text.restoring : "";
    return (
      <p className={`${root}aak-status`} role="status" aria-busy="true">
        {status === "initializing" ? restoring : text.reconnecting}
      </p>
    );
  }
  return <SignedOut config={props.config} text={text} />;
}

/** The whole widget for one render state: the configuration error or the forms. */
export function WidgetApp(props: { state: WidgetRenderState }): ReactNode {
  const { state } = props;
  // The locale's texts (the model's `locale`, else the browser's) under the model's `messages`.
  const lang = (state.kind === "ready" && state.config.locale) || browserLocale();
  const locale = WIDGET_LOCALES[lang] as LocaleMessages;
  if (state.kind === "error") {
    return (
      <ConfigError error={state.error} text={widgetMessages({ ...locale, ...state.messages })} />
    );
  }
  const messages = mergeMessages(locale, state.config.messages);
  const config = { ...state.config, messages };
  return (
    // A new engine (another provider) gets a fresh provider and fresh forms.
    <AuthProvider key={state.engineId} client={state.client} messages={messages}>
      <div lang={lang}>
        <WidgetBody config={config} />
      </div>
    </AuthProvider>
  );
}
