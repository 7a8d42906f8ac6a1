#!/usr/bin/env bash
# Runs every suite: static checks, widget budget, unit tests, the integration suite on both
# driver sets (SQLite + in-process, PostgreSQL + Redis), multi-node and browser end-to-end tests.
# Ends with one line "N passed, N failed" summing all suites; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."

passed=0
failed=0
log_dir=$(mktemp -d)

# Runs a node:test suite, echoes its output, and adds its pass/fail counts.
suite() {
  local name=$1
  shift
  echo "=== ${name}"
  local out="${log_dir}/${name// /_}.log"
  "$@" >"$out" 2>&1
  local code=$?
  cat "$out" | grep -E '^(not ok|ok|# (tests|pass|fail))' | grep -vE '^ok .*# SKIP' || true
  local p f
  p=$(grep -E '^# pass ' "$out" | awk '{s+=$3} END {print s+0}')
  f=$(grep -E '^# fail ' "$out" | awk '{s+=$3} END {print s+0}')
  if [ "$code" -ne 0 ] && [ "$f" -eq 0 ]; then
    # The runner failed outside any test (crash, missing file): count it, show why.
    f=1
    tail -n 40 "$out"
  elif [ "$f" -gt 0 ]; then
    grep -A 30 '^not ok' "$out" | head -n 120
  fi
  passed=$((passed + p))
  failed=$((failed + f))
}

# Runs a command that is one check (typecheck, lint, budget): one pass or one fail.
check() {
  local name=$1
  shift
  echo "=== ${name}"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: ${name}"; fi
}

# A stuck test file fails after 10 minutes (the whole CI run takes about 15), and a file whose
# failed test left a socket open still exits: a failure never turns into a hung CI run.
runner=(node --import tsx --test --test-reporter=tap --test-concurrency=1 --test-timeout=600000 --test-force-exit)
integration=(apps/server/test/*.test.ts)
single_node=()
# Multi-node suites need PostgreSQL + Redis (several nodes cannot share one SQLite writer).
for f in "${integration[@]}"; do case "$(basename "$f")" in multiNode*.test.ts) ;; *) single_node+=("$f") ;; esac; done

check "build front ends" npm run build --silent
check "typecheck" npm run typecheck --silent
check "lint" npm run lint --silent
check "widget size budget" node --import tsx bench/widgetSize.ts
suite "widget unit" "${runner[@]}" apps/widget/test/*.test.ts
suite "chatflow engine unit" "${runner[@]}" packages/chatflow/test/*.test.ts
suite "rich text unit" "${runner[@]}" packages/richtext/test/*.test.ts
suite "server unit" "${runner[@]}" apps/server/test/unit/*.test.ts
suite "dashboard unit" "${runner[@]}" apps/dashboard/test/*.test.ts
suite "integration sqlite" env PARLEY_TEST_DRIVERS=sqlite "${runner[@]}" "${single_node[@]}"
suite "integration postgres+redis" env PARLEY_TEST_DRIVERS=postgres "${runner[@]}" "${integration[@]}"
suite "browser e2e sqlite" env PARLEY_TEST_DRIVERS=sqlite "${runner[@]}" e2e/*.e2e.test.ts apps/dashboard/e2e/*.e2e.test.ts
suite "browser e2e postgres+redis" env PARLEY_TEST_DRIVERS=postgres "${runner[@]}" e2e/*.e2e.test.ts

rm -rf "$log_dir"
echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
