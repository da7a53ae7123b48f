#!/usr/bin/env bash
# A new user's install (issue 13): a plain venv with whatever pip python3 ships (no upgrade),
# `pip install -r requirements.txt`, then checks that
#   - every package of the lock file is installed at exactly its pinned version,
#   - `pip check` finds no broken requirement (old pip misses the lxml[html_clean] extra, so
#     that alone proves little: hence the next check),
#   - HTML ingest works end to end: `newstone quotes` on a small saved article prints its quote
#     (it fails with ImportError when lxml_html_clean is missing),
#   - with --tests, tests/ingest passes in that venv.
# Run it after `make lock`. The venv goes into a temporary folder that is deleted afterwards;
# the project's .venv is not touched (the editable install only refreshes the git-ignored
# lib/newstone.egg-info).
# Usage: scripts/check_fresh_install.sh [--tests]      (PYTHON=python3.11 ... to pick another)
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
run_tests=0
[ "${1:-}" = --tests ] && run_tests=1

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$PYTHON" -m venv "$tmp/v"
echo "== $("$tmp/v/bin/python" --version), $("$tmp/v/bin/pip" --version | cut -d' ' -f1-2) (as the venv came, not upgraded)"
echo "== pip install -r requirements.txt"
"$tmp/v/bin/pip" install --quiet -r requirements.txt

echo "== installed versions against the lock file"
"$tmp/v/bin/pip" freeze --exclude-editable > "$tmp/freeze.txt"
"$tmp/v/bin/python" - requirements.txt "$tmp/freeze.txt" <<'PY'
import re, sys

def pins(path):
    out = {}
    for line in open(path):
        m = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)", line)
        if m:
            out[re.sub(r"[-_.]+", "-", m[1]).lower()] = m[2]
    return out

locked, installed = pins(sys.argv[1]), pins(sys.argv[2])
wrong = {n: (v, installed.get(n)) for n, v in locked.items() if installed.get(n) != v}
extra = sorted(set(installed) - set(locked))
for name, (want, got) in sorted(wrong.items()):
    print(f"  {name}: locked {want}, installed {got}")
for name in extra:
    print(f"  {name}: installed {installed[name]}, not in the lock file")
print(f"  {len(locked)} pinned, {len(locked) - len(wrong)} installed as pinned, {len(extra)} unpinned extras")
sys.exit(1 if wrong or extra else 0)
PY

echo "== pip check"
"$tmp/v/bin/pip" check

echo "== HTML ingest: newstone quotes on a saved article"
cat > "$tmp/article.html" <<'HTML'
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Government vows action on floods</title></head>
<body>
<article>
<h1>Government vows action on floods</h1>
<p>LONDON - The government promised on Tuesday to speed up flood defences after a week of storms left thousands of homes under water across the north of England.</p>
<p>"We will act," the minister said. "Nobody should have to watch their home fill with water twice in one winter."</p>
<p>Opposition leaders said the plans came too late and called for an independent inquiry into how the money for river defences had been spent since 2020.</p>
<p>The Environment Agency said more rain was expected later in the week and urged people in low-lying areas to stay alert.</p>
</article>
</body>
</html>
HTML
out=$("$tmp/v/bin/newstone" quotes "$tmp/article.html" 2>&1) || { echo "$out"; exit 1; }
echo "$out"
if ! grep -q "We will act" <<<"$out"; then
  echo "FAIL: the quote \"We will act\" was not printed" >&2
  exit 1
fi

if [ "$run_tests" = 1 ]; then
  echo "== pytest tests/ingest"
  "$tmp/v/bin/python" -m pytest -q -x -p no:cacheprovider tests/ingest
fi
echo "== fresh install OK"
