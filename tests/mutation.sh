#!/usr/bin/env bash
# Mutation testing with Stryker.NET (dotnet-stryker from .config/dotnet-tools.json), one source folder per run so a
# run fits in CI-sized time. Not part of .ci/run.
#
#   tests/mutation.sh <folder> [test-case-filter] [file ...]
#       e.g. tests/mutation.sh src/Provenance/Tracing "" GraphWalk.cs TraceTypes.cs
#
# Without a filter (or with ""), a folder of src/Provenance gets the filter its score in tests/MUTATION.md was measured
# with: its own tests (Provenance.Tests.<Folder>; for Model also the Loading, YAML and JSON Lines tests) with the
# property tests (and, outside Tracing and Model, the golden tests), always without the stress tests (million-hop
# chains, a 100,000-citation fan-in), which guard stack depth and time rather than logic and made every test session
# of a mutant take 15 to 25 s, and without the text-reuse properties, which test src/Provenance/Reuse (whose own filter
# is its tests, those properties and the hidden-relay tests that use it). Yaml's also takes the YAML hostile-input tests,
# the table that feeds the same bad values through every format, and the loader facade's tests, which all load YAML;
# Prov's takes the PROV-JSON hostile-input tests, that table and the loader facade's tests, which import PROV-JSON.
# A filter of "*" runs every test of the test project.
#
# With file names (relative to the folder) only those files are mutated, for a run that must fit in less time; the
# score line then covers those files only. STRYKER_CONCURRENCY sets Stryker's --concurrency (default: the config's 1).
#
# The folder's shipped project is the first folder under src/ (its stryker-config.json names the test project).
# Reports go to StrykerOutput/<folder>/ (git-ignored); the score line is appended to tests/MUTATION.md by hand after
# review, with the surviving mutants judged equivalent and why.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
folder="${1:?usage: tests/mutation.sh <src/Project/Folder> [test-case-filter]}"
filter="${2:-}"
fast='FullyQualifiedName!~Million&FullyQualifiedName!~HundredThousand&FullyQualifiedName!~TextReuse'
if [ -z "$filter" ]; then
  case "$folder" in
    src/Provenance/Tracing) filter="(FullyQualifiedName~Provenance.Tests.Tracing|FullyQualifiedName~Provenance.Tests.Properties)&$fast" ;;
    src/Provenance/Reuse) filter="(FullyQualifiedName~Provenance.Tests.Reuse|FullyQualifiedName~TextReusePropertyTests|FullyQualifiedName~HiddenRelays)&FullyQualifiedName!~Million&FullyQualifiedName!~HundredThousand" ;;
    src/Provenance/Yaml) filter="(FullyQualifiedName~Provenance.Tests.Yaml|FullyQualifiedName~ProvenanceYamlHostileTests|FullyQualifiedName~ValueRulesAcrossFormatsTests|FullyQualifiedName~Provenance.Tests.Loading|FullyQualifiedName~Provenance.Tests.Golden|FullyQualifiedName~Provenance.Tests.Properties)&$fast" ;;
    src/Provenance/Prov) filter="(FullyQualifiedName~Provenance.Tests.Prov|FullyQualifiedName~BulkAndProvHostileTests|FullyQualifiedName~ValueRulesAcrossFormatsTests|FullyQualifiedName~Provenance.Tests.Loading|FullyQualifiedName~Provenance.Tests.Golden|FullyQualifiedName~Provenance.Tests.Properties)&$fast" ;;
    src/Provenance/Model) filter="(FullyQualifiedName~Provenance.Tests.Model|FullyQualifiedName~Provenance.Tests.Properties|FullyQualifiedName~Provenance.Tests.Loading|FullyQualifiedName~Provenance.Tests.Yaml|FullyQualifiedName~Provenance.Tests.Bulk)&$fast" ;;
    src/Provenance/*) filter="(FullyQualifiedName~Provenance.Tests.${folder#src/Provenance/}|FullyQualifiedName~Provenance.Tests.Golden|FullyQualifiedName~Provenance.Tests.Properties)&$fast" ;;
  esac
elif [ "$filter" = "*" ]; then
  filter=""
fi
files=("${@:3}")
project="$(echo "$folder" | cut -d/ -f1-2)"
inner="${folder#"$project"}"
inner="${inner#/}"
name="$(echo "$folder" | tr '/' '-')"
out="$root/StrykerOutput/$name"

cd "$root"
# Tests that end in MermaidCheck.AssertRenders skip without chromium and Mermaid's npm install, and Stryker counts a skipped
# test as covering nothing: a Graphviz run without them under-counts (tests/MUTATION.md, 2026-12-03 13:00 run).
case "$folder" in
  src/Provenance/Graphviz*|src/Provenance.Cli*)
    if ! command -v chromium >/dev/null || ! command -v node >/dev/null || [ ! -d tests/Provenance.Tests/mermaid/node_modules/@mermaid-js/mermaid-cli ]; then
      echo "mutation.sh: $folder needs chromium and node (apt-get install chromium nodejs npm) and Mermaid's CLI" \
        "(cd tests/Provenance.Tests/mermaid && PUPPETEER_SKIP_DOWNLOAD=1 npm ci); without them its Mermaid tests skip and count as no coverage" >&2
      exit 2
    fi ;;
esac
# The store's tests need a PostgreSQL server. Without PROVENANCE_TEST_POSTGRES, start a throwaway cluster as .ci/run does
# (Debian's postgresql, as root: initdb and pg_ctl as the postgres user, loopback only, removed on exit). Each test
# makes its own schema, so Stryker's concurrent test sessions do not share tables.
case "$folder" in
  src/Provenance.PostgreSql*)
    if [ -z "${PROVENANCE_TEST_POSTGRES:-}" ]; then
      pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
      if [ "$(id -u)" != 0 ] || [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
        echo "mutation.sh: $folder needs PostgreSQL: set PROVENANCE_TEST_POSTGRES, or run as root with Debian's postgresql installed" \
          "(apt-get install postgresql) for a throwaway cluster" >&2
        exit 2
      fi
      pg_dir=$(mktemp -d)
      pg_port=${PROVENANCE_PG_PORT:-55434}
      chown postgres "$pg_dir"
      stop_postgres() {
        runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
        rm -rf "$pg_dir"
      }
      trap stop_postgres EXIT
      runuser -u postgres -- "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --no-locale >"$pg_dir/initdb.log" 2>&1
      runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" \
        -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1" -w start >/dev/null
      export PROVENANCE_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
    fi ;;
esac
dotnet tool restore >/dev/null
cd "$root/$project"
args=(stryker -f stryker-config.json -O "$out" --skip-version-check)
if [ "${#files[@]}" -eq 0 ]; then
  args+=(-m "${inner:+$inner/}**/*.cs")
else
  for f in "${files[@]}"; do args+=(-m "${inner:+$inner/}$f"); done
fi
[ -z "${STRYKER_CONCURRENCY:-}" ] || args+=(--concurrency "$STRYKER_CONCURRENCY")
[ -z "$filter" ] || args+=(--test-case-filter "$filter")
dotnet "${args[@]}"

report="$(ls -t "$out"/reports/mutation-report.json 2>/dev/null | head -n 1 || true)"
[ -n "$report" ] || report="$(find "$out" -name mutation-report.json | head -n 1)"
python3 - "$report" "$folder" <<'PY'
import json, sys, collections
report, folder = sys.argv[1], sys.argv[2]
data = json.load(open(report))
count = collections.Counter()
survivors = []
for path, f in sorted(data["files"].items()):
    for m in f["mutants"]:
        count[m["status"]] += 1
        if m["status"] in ("Survived", "NoCoverage"):
            survivors.append(f'{path.split("/src/")[-1]}:{m["location"]["start"]["line"]} {m["status"]} {m["mutatorName"]}: {m.get("replacement", "")[:80]}')
detected = count["Killed"] + count["Timeout"]
valid = detected + count["Survived"] + count["NoCoverage"]
score = 100.0 * detected / valid if valid else 100.0
print(f"{folder}: {score:.2f}% ({count['Killed']} killed, {count['Timeout']} timed out, {count['Survived']} survived, {count['NoCoverage']} no coverage, {count['CompileError']} compile errors, {count['Ignored']} ignored)")
for s in survivors:
    print("  " + s)
PY
