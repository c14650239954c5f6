#!/usr/bin/env bash
# Coverage-guided fuzzing of the loaders and the extractor with afl++ and SharpFuzz. Not part of CI.
#
#   tests/Provenance.Fuzz/fuzz.sh [seconds-per-target] [target...]     targets: yaml jsonl prov-json extract (default: all)
#
# Builds the fuzz project into tests/Provenance.Fuzz/out, instruments that copy of Provenance.dll and
# Provenance.Extraction.dll with SharpFuzz
# (the tool from .config/dotnet-tools.json), builds a seed corpus from the test data, and runs afl-fuzz on each
# target for the given time (default 300 s). Findings go to tests/Provenance.Fuzz/findings/<target>/ (git-ignored);
# replay one with: dotnet tests/Provenance.Fuzz/out/Provenance.Fuzz.dll <target> --replay <file-or-folder>.
# FUZZ_REUSE=1 skips the build, instrumentation and corpus when a previous run left them.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:-300}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(yaml jsonl prov-json extract)

command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found: apt-get install afl++" >&2; exit 2; }
cd "$root"
dotnet tool restore >/dev/null

out="$here/out"
corpus="$here/corpus"
mkdir -p "$here/findings"
if [ "${FUZZ_REUSE:-}" = 1 ] && [ -f "$out/Provenance.Fuzz.dll" ] && [ -d "$corpus" ]; then
    echo "reusing the instrumented build in $out and the corpus in $corpus (FUZZ_REUSE=1)"
else
rm -rf "$out"
dotnet build "$here/Provenance.Fuzz.csproj" -c Release -o "$out" -nologo -v quiet
# Instrument only our assemblies: their coverage guides afl; the dependencies run uninstrumented.
dotnet sharpfuzz "$out/Provenance.dll"
dotnet sharpfuzz "$out/Provenance.Extraction.dll"

# Seed corpus from the test data: valid and invalid YAML, PROV-JSON (valid exports and the invalid cases), JSON Lines.
rm -rf "$corpus"
mkdir -p "$corpus/yaml" "$corpus/jsonl" "$corpus/prov-json" "$corpus/extract"
data="$root/tests/Provenance.Tests/TestData"
cli=(dotnet run --project "$root/src/Provenance.Cli" -c Release --)
find "$data/valid" "$data/invalid" "$data/hostile" "$root/tests/Provenance.Cli.Tests/TestData" -name '*.yaml' -size -16k -print0 |
    while IFS= read -r -d '' f; do cp "$f" "$corpus/yaml/$(echo "$f" | sed "s|$root/||; s|/|_|g")"; done
cp "$data"/prov-invalid/*.json "$corpus/prov-json/"
"${cli[@]}" export "$root/tests/Provenance.Cli.Tests/TestData/small.yaml" --format prov-json -o "$corpus/prov-json/small.prov.json" >/dev/null
for n in 5 20; do
    "${cli[@]}" generate --citations "$n" --seed "$n" -o "$corpus/jsonl/generated-$n.jsonl" >/dev/null
done
printf '{"type":"source","id":"s"}\n{"type":"nonsense"}\n' > "$corpus/jsonl/bad-type.jsonl"
# The extractor's seeds: the article texts written in the extraction tests (string literals with a space, unescaped).
python3 - "$root/tests/Provenance.Extraction.Tests" "$corpus/extract" <<'PY'
import pathlib, re, sys
source, target = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
literal = re.compile(r'(?<![$@\w"])"((?:[^"\\\n]|\\.)*)"')
escapes = {"n": "\n", "r": "\r", "t": "\t", "0": "\0", '"': '"', "\\": "\\", "'": "'"}
def unescape(s):
    s = re.sub(r"\\U([0-9A-Fa-f]{8})", lambda m: chr(int(m.group(1), 16)), s)
    s = re.sub(r"\\u([0-9A-Fa-f]{4})", lambda m: chr(int(m.group(1), 16)), s)
    return re.sub(r"\\(.)", lambda m: escapes.get(m.group(1), m.group(1)), s)
texts = sorted({unescape(m.group(1)) for f in sorted(source.glob("*.cs")) for m in literal.finditer(f.read_text(encoding="utf-8"))})
texts = [t for t in texts if len(t) >= 12 and " " in t and "\0" not in t]
for i, t in enumerate(texts):
    (target / f"test-{i:03}.txt").write_text(t, encoding="utf-8")
print(f"extract seeds: {len(texts)}")
PY
fi

# A shared machine: no CPU binding; no core-dump setup needed (afl only warns); dotnet itself is not instrumented.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1
export DOTNET_TieredPGO=0

for target in "${targets[@]}"; do
    findings="$here/findings/$target"
    rm -rf "$findings"
    echo "== $target: $seconds s"
    afl-fuzz -i "$corpus/$target" -o "$findings" -t 10000 -m none -V "$seconds" -- dotnet "$out/Provenance.Fuzz.dll" "$target" > "$here/findings/$target.log" 2>&1 || true
    stats="$findings/default/fuzzer_stats"
    if [ -f "$stats" ]; then
        grep -E '^(execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|bitmap_cvg) ' "$stats" | sed 's/^/   /'
    else
        echo "   afl-fuzz did not start; see $here/findings/$target.log" >&2
        tail -20 "$here/findings/$target.log" >&2
    fi
    crashes=("$findings"/default/crashes/id:*)
    if [ -e "${crashes[0]}" ]; then
        echo "   crashes: dotnet $out/Provenance.Fuzz.dll $target --replay $findings/default/crashes"
    fi
done
