import { useInsertionEffect } from "react";

// An empty live region is taken out of the layout, not hidden, so it stays announceable.
// Every rule hangs off `.aak`, which `unstyled` components omit, so another form's injected
// sheet never styles them. Colours etc. come from the documented `--aak-*` variables.
/** The default stylesheet of the components, themed by `--aak-*` custom properties. */
export const AUTH_KIT_CSS = `.aak{--_p:var(--aak-primary,#2563eb);--_r:var(--aak-radius,6px);--_e:var(--aak-error,#b42318);--_b:var(--aak-border,#8a93a3);--_f:var(--aak-font,15px/1.4 system-ui,sans-serif);font:var(--_f);color:var(--aak-text,#1f2937);box-sizing:border-box}
.aak *{box-sizing:border-box}
.aak.aak-form,.aak.aak-status{display:flex;flex-direction:column;gap:12px;width:100%;max-width:420px;margin:0;padding:16px;background:var(--aak-bg,#fff);border-radius:var(--_r);box-shadow:var(--aak-shadow,0 1px 4px #0003)}
.aak .aak-field{display:flex;flex-direction:column;gap:4px;min-width:0}
.aak .aak-label{font-weight:600}
.aak .aak-input{width:100%;min-width:0;padding:8px 10px;font:inherit;color:inherit;background:transparent;border:1px solid var(--_b);border-radius:var(--_r)}
.aak .aak-control{position:relative}
.aak .aak-control input{padding-right:44px}
.aak .aak-eye{position:absolute;top:0;right:0;width:44px;height:100%;display:grid;place-items:center;padding:0;color:var(--aak-muted,#4b5563);background:none;border:0;border-radius:var(--_r);cursor:pointer}
.aak .aak-input[aria-invalid=true]{border-color:var(--_e)}
.aak :focus-visible{outline:2px solid var(--_p);outline-offset:2px}
.aak .aak-button,.aak.aak-button{width:100%;padding:10px 14px;font:var(--_f);font-weight:600;color:var(--aak-on-primary,#fff);background:var(--_p);border:0;border-radius:var(--_r);cursor:pointer}
.aak.aak-button{width:auto}
.aak :disabled,.aak:disabled{cursor:progress}
.aak :disabled:before,.aak:disabled:before{content:"";display:inline-block;width:.8em;height:.8em;margin-right:.5em;border:2px solid;border-right-color:transparent;border-radius:50%;animation:aak-spin .8s linear infinite}
@keyframes aak-spin{to{transform:rotate(1turn)}}
.aak .aak-toggle{padding:0;font:inherit;font-size:.85em;color:var(--_p);background:none;border:0;text-decoration:underline;cursor:pointer}
.aak .aak-error,.aak .aak-field-error{margin:0;color:var(--_e);font-size:.9em}
.aak .aak-error:empty{position:absolute}
.aak .aak-hints{margin:0;padding:0;list-style:none;font-size:.85em;color:var(--aak-muted,#4b5563)}
.aak .aak-hint:before{content:"○ "}
.aak .aak-hint[data-met=true]{color:var(--aak-success,#067647)}
.aak .aak-hint[data-met=true]:before{content:"✓ "}`;

/** Adds the default stylesheet to `doc` once, as `<style data-appsmith-auth-kit>`. */
export function injectStyles(doc: Document): void {
  if (doc.querySelector("style[data-appsmith-auth-kit]")) return;
  const style = doc.createElement("style");
  style.setAttribute("data-appsmith-auth-kit", "");
  style.textContent = AUTH_KIT_CSS;
  doc.head.appendChild(style);
}

/** Injects the default styles on first mount (never at import); skipped when `unstyled`. */
export function useKitStyles(unstyled: boolean | undefined): string {
  useInsertionEffect(() => {
    if (!unstyled && typeof document !== "undefined") injectStyles(document);
  }, [unstyled]);
  return unstyled ? "" : "aak ";
}
