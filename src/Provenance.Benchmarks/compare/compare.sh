#!/usr/bin/env bash
# Builds the benchmarks in Release and compares Provenance with Python's prov and networkx on the same graphs.
# Usage: src/Provenance.Benchmarks/compare/compare.sh [--sizes 10000 100000] [--output FILE] [--repetitions N]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
project="$here/.."

# The interpreter that has prov and networkx: Debian's (the python3 first on PATH may lack them).
python=""
for candidate in /usr/bin/python3 "$(command -v python3 || true)"; do
    if [ -n "$candidate" ] && "$candidate" -c 'import prov, networkx' >/dev/null 2>&1; then
        python="$candidate"
        break
    fi
done
if [ -z "$python" ]; then
    echo "compare.sh: no Python with prov and networkx; run: apt-get install python3-prov python3-networkx" >&2
    exit 1
fi

dotnet build -c Release "$project/Provenance.Benchmarks.csproj" >/dev/null
exec "$python" "$here/compare.py" --benchmarks "$project/bin/Release/net10.0/Provenance.Benchmarks.dll" "$@"
