/**
 * Deterministic benign text of a given size, built from documentation-like sentences (with the imperatives and
 * technical tokens real tool results carry), so every run measures the same input.
 */
const sentences = [
  'Install the package with your package manager and import the client from the main entry point.',
  'The server listens on port 8080 by default; set the PORT variable to change it.',
  'Run the migrations before you start the worker, otherwise the queue table will be missing.',
  'Each request carries a trace id so that logs from different services can be correlated.',
  'Delete the cache directory if the build keeps using stale artifacts after an upgrade.',
  'The quarterly report shows revenue up 4.2% with most growth in the EMEA region.',
  'Please review the attached contract and send your comments to the legal team by Friday.',
  'Use the --dry-run flag to print the planned changes without applying them.',
  'Retries back off exponentially, starting at 200 ms and capped at 30 seconds.',
  'Meeting notes: the team agreed to ship the beta on the 14th and to freeze features next week.',
];

/** A benign text of about `bytes` characters. */
export function benignText(bytes: number): string {
  let text = '';
  for (let index = 0; text.length < bytes; index++) text += `${sentences[index % sentences.length]} `;
  return text.slice(0, bytes);
}
