/** The Appsmith host view (filled in once the widget's test host lands). */
export function HostView() {
  return <p>The Appsmith host view is not ready yet.</p>;
}
