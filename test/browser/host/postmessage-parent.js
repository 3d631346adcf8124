// A standalone page embedding the kit in a cross-origin iframe. The test passes
// { frameUrl, frameOrigin, config } in the hash. The page answers the kit's "ready" with its
// config and records every kit message, from the kit's origin only.
const { frameUrl, frameOrigin, config } = JSON.parse(decodeURIComponent(location.hash.slice(1)));
window.received = [];
window.addEventListener("message", (event) => {
  if (event.origin !== frameOrigin || event.data?.source !== "appsmith-auth-kit") return;
  window.received.push(event.data);
  if (event.data.type === "ready") {
    event.source.postMessage(
      { source: "appsmith-auth-kit", type: "config", payload: config },
      frameOrigin,
    );
  }
});

/** Another window of this page posts to the kit: it is not the parent, so it must be ignored. */
window.spoof = (message) => {
  const sibling = document.createElement("iframe");
  sibling.srcdoc = `<script>parent.frames.kit.postMessage(${JSON.stringify(message)}, "*")</script>`;
  document.body.appendChild(sibling);
};

const frame = document.createElement("iframe");
frame.name = "kit";
frame.title = "kit";
frame.style.cssText = "width: 420px; height: 460px; border: 0";
frame.src = frameUrl;
document.body.appendChild(frame);
