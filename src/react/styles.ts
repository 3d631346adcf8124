import { useInsertionEffect } from "react";

// An empty live region is taken out of the layout, not hidden, so it stays announceable.
// Every rule hangs off `.aak`, which `unstyled` components omit, so another form's injected
// sheet never styles them. Colours etc. come from the documented `--aak-*` variables.
/** The default stylesheet of the components, themed by `--aak-*` custom properties. */
export const AUTH_KIT_CSS = `.aak{--_p:var(--aak-primary,#2563eb);--_r:var(--aak-radius,6px);--_e:var(--aak-error,#b42318);--_b:var(--aak-border,#8a93a3);--_m:var(--aak-muted,#4b5563);--_f:var(--aak-font,15px/1.5 system-ui,sans-serif);font:var(--_f);color:var(--aak-text,#1f2937);box-sizing:border-box}
.aak *{box-sizing:border-box}
.aak.aak-form,.aak.aak-status{display:flex;flex-direction:column;gap:16px;width:100%;max-width:420px;margin:0;padding:clamp(16px,6%,24px);background:var(--aak-bg,#fff);border-radius:calc(2*var(--_r));box-shadow:var(--aak-shadow,0 1px 4px #0003)}
.aak .aak-title{margin:0;font-size:1.4em;line-height:1.25;font-weight:600}
.aak .aak-title+p{margin-top:-10px}
.aak .aak-subtitle,.aak .aak-footer{margin:0;color:var(--_m)}
.aak .aak-footer{text-align:center;font-size:.93em}
.aak .aak-field{display:flex;flex-direction:column;gap:6px;min-width:0}
.aak .aak-label{font-size:.93em;font-weight:500}
.aak .aak-input{width:100%;min-width:0;min-height:44px;padding:8px 12px;font:inherit;color:inherit;background:transparent;border:1px solid var(--_b);border-radius:var(--_r)}
.aak .aak-control{position:relative}
.aak .aak-control input{padding-right:44px}
.aak .aak-eye{position:absolute;inset:0 0 0 auto;width:44px;padding:0;color:var(--_m);background:none;border:0;border-radius:var(--_r);cursor:pointer}
.aak .aak-input[aria-invalid=true]{border-color:var(--_e)}
.aak :focus-visible{outline:2px solid var(--_p);outline-offset:2px}
.aak .aak-button,.aak.aak-button{width:100%;min-height:44px;padding:10px 16px;font:var(--_f);font-weight:600;color:var(--aak-on-primary,#fff);background:var(--_p);border:0;border-radius:var(--_r);cursor:pointer}
.aak.aak-button{width:auto}
.aak :disabled,.aak:disabled{cursor:progress}
.aak :disabled:before,.aak:disabled:before{content:"";display:inline-block;padding:.4em;margin-right:.5em;border:2px solid;border-right-color:#0000;border-radius:50%;animation:aak-spin .8s linear infinite}
@keyframes aak-spin{to{transform:rotate(1turn)}}
@media(prefers-reduced-motion:reduce){.aak :disabled:before,.aak:disabled:before{animation:none}}
.aak .aak-link{padding:6px 4px;font:inherit;color:var(--_p);background:none;border:0;text-decoration:underline;cursor:pointer}
.aak .aak-error,.aak .aak-field-error{margin:0;color:var(--_e);font-size:.9em}
.aak .aak-error:empty{position:absolute}
.aak .aak-hints{margin:0;padding:0;list-style:none;font-size:.87em;color:var(--_m)}
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
