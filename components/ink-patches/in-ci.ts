// The `is-in-ci` package as Ink uses it. Ink believes it runs in CI when CI or
// CONTINUOUS_INTEGRATION is set, and then draws nothing until the app exits (only the last
// frame, for a log). stepwise renders Ink only when stdin and stdout are terminals (else it
// takes the headless path), so a set CI variable there means a person at a terminal inside a
// CI-like shell (a dev container, a CI job's debug session): draw as in any terminal.
const isInCi = false;
export default isInCi;
