# Sourced before a document's examples by DocumentedCurlIT. curl, as the examples call it, goes to
# the test stack: the documented ports (8081 intake, 8082 case-service, 8083 stats) become the test
# stack's, and each call records the example it belongs to (DOC_AT, set before each command), the
# status it got and curl's exit code, for the test to hold against what the example shows.
curl() {
  local arg args=()
  for arg in "$@"; do
    arg=${arg//localhost:8081/localhost:$DOC_INTAKE_PORT}
    arg=${arg//localhost:8082/localhost:$DOC_CASE_PORT}
    arg=${arg//localhost:8083/localhost:$DOC_STATS_PORT}
    args+=("$arg")
  done
  local call
  call=$(mktemp -p "$DOC_CALLS" call.XXXXXX)
  # The status goes to stderr (%{stderr}), so that the example's own output is as it would be.
  command curl "${args[@]}" -w '%{stderr}@@doc-status %{http_code}\n' 2>"$call.err" | tee "$call.out"
  local exit_code=${PIPESTATUS[0]}
  grep -v '^@@doc-status ' "$call.err" >&2
  printf '%s\t%s\t%s\n' "$DOC_AT" "$(sed -n 's/^@@doc-status //p' "$call.err" | tail -n 1)" "$exit_code" >"$call"
  return "$exit_code"
}
