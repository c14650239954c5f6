#!/usr/bin/env bash
# Declares the public API of the packed projects in their PublicAPI.Unshipped.txt, after an API change or a merge.
#
#   tests/update-public-api.sh [project.csproj...]      default: every src/*/*.csproj with <IsPackable>true</IsPackable>
#
# For each project (dependencies first): builds it; new public symbols (RS0016) are added to PublicAPI.Unshipped.txt by
# the analyzer's own code fix through `dotnet format analyzers --diagnostics RS0016`; symbols declared but gone (RS0017,
# which has no code fix) are handled here: a line of PublicAPI.Unshipped.txt is deleted, a line of
# PublicAPI.Shipped.txt gets a `*REMOVED*` line in PublicAPI.Unshipped.txt. Duplicate lines are dropped and the file
# is sorted. A merge conflict in PublicAPI.Unshipped.txt needs no hand edit: the script first drops the conflict
# markers, keeping both sides, and the build then finds what neither side still has. It builds again at the end and
# fails if any public API diagnostic is left.
# Review the diff of PublicAPI.Unshipped.txt like code; PublicAPI.Shipped.txt changes only at a release.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

projects=("$@")
if [ ${#projects[@]} -eq 0 ]; then
    # The core first, then the packages on it, then the tool that references them all.
    for p in src/Provenance/Provenance.csproj src/*/*.csproj; do
        grep -q '<IsPackable>true</IsPackable>' "$p" && projects+=("$p")
    done
    mapfile -t projects < <(printf '%s\n' "${projects[@]}" | awk '!seen[$0]++' | awk '/Provenance.Cli\//{cli=$0; next} {print} END{if (cli) print cli}')
fi

api_diagnostics() {
    # Only this project's own diagnostics (its .cs files and its PublicAPI files), once each.
    dotnet build "$1" -nologo -clp:NoSummary 2>&1 | grep -E "(error|warning) RS00(16|17|25|36|37|50)" | grep -F "$2/" | sed 's/ \[[^]]*\]$//' | sort -u || true
}

for project in "${projects[@]}"; do
    dir="$(cd "$(dirname "$project")" && pwd)"
    for f in PublicAPI.Shipped.txt PublicAPI.Unshipped.txt; do
        [ -f "$dir/$f" ] || printf '#nullable enable\n' > "$dir/$f"
    done
    echo "== $project"
    sed -i -E '/^(<<<<<<<|=======|>>>>>>>|[|]{7})( |$)/d' "$dir/PublicAPI.Unshipped.txt"
    found="$(api_diagnostics "$project" "$dir")"
    if grep -q 'RS0016' <<<"$found"; then
        echo "   declaring $(grep -c 'RS0016' <<<"$found") new symbol(s) (dotnet format analyzers --diagnostics RS0016)"
        dotnet format analyzers "$project" --diagnostics RS0016 --severity warn
        found="$(api_diagnostics "$project" "$dir")"
    fi
    FOUND="$found" DIR="$dir" python3 - <<'EOF'
import os, re
directory = os.environ["DIR"]
unshipped_path = os.path.join(directory, "PublicAPI.Unshipped.txt")
unshipped = open(unshipped_path, encoding="utf-8").read().splitlines()
shipped = open(os.path.join(directory, "PublicAPI.Shipped.txt"), encoding="utf-8").read().splitlines()
drop, removed = set(), []
for line in os.environ["FOUND"].splitlines():
    m = re.search(r"PublicAPI\.(Shipped|Unshipped)\.txt\((\d+),\d+\): (?:error|warning) RS0017: Symbol '(.*)' is part of the declared API", line)
    if not m:
        continue
    if m.group(1) == "Unshipped":
        drop.add(int(m.group(2)) - 1)
    else:
        removed.append("*REMOVED*" + shipped[int(m.group(2)) - 1])
body = [l for i, l in enumerate(unshipped) if i not in drop and l.strip() and l.strip() != "#nullable enable"]
body = sorted(set(body + removed), key=lambda l: l.encode("utf-8"))
open(unshipped_path, "w", encoding="utf-8", newline="\n").write("\n".join(["#nullable enable"] + body) + "\n")
if drop or removed:
    print(f"   {len(drop)} stale line(s) deleted, {len(removed)} shipped symbol(s) marked *REMOVED*")
EOF
    left="$(api_diagnostics "$project" "$dir")"
    if [ -n "$left" ]; then
        echo "$left" >&2
        echo "public API diagnostics remain in $project; fix them by hand (see the messages above)" >&2
        exit 1
    fi
done
git --no-pager diff --stat -- 'src/*/PublicAPI.*.txt'
