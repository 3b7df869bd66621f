#!/usr/bin/env bash
# Runs every test: installs what the tests need (Debian packages) when missing, then the whole suite.
# The tests start their own PostgreSQL 15 and headless Chromium; nothing has to be running beforehand.
set -euo pipefail
cd "$(dirname "$0")"

packages=(chromium fonts-noto-core postgresql-15 poppler-utils python3-aiosmtpd zbar-tools libimage-exiftool-perl imagemagick webp)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "test.sh: installing ${missing[*]}"
    if [ "$(id -u)" -eq 0 ]; then sudo=(); elif command -v sudo >/dev/null; then sudo=(sudo); else
        echo "test.sh: ${missing[*]} missing and not root: run 'apt-get install -y ${missing[*]}' as root" >&2; exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

dotnet tool restore >/dev/null

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test KhuyenCong.sln --configuration Debug --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log" || status=$?

# One plain closing line that any CI reads: "tests: N passed, N failed, N skipped".
read -r passed failed skipped < <(awk '
    /^Test Run (Successful|Failed|Aborted)/ { p = 0; f = 0; s = 0; seen = 1 }
    seen && /^ +Passed: +[0-9]+$/ { p = $2 }
    seen && /^ +Failed: +[0-9]+$/ { f = $2 }
    seen && /^ +Skipped: +[0-9]+$/ { s = $2 }
    END { print p + 0, f + 0, s + 0 }' "$log")
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ -z "${SHOWCASE_TEST_SQLSERVER:-}" ]; then
    echo "SQL Server was not exercised: set SHOWCASE_TEST_SQLSERVER to a connection string to run the integration tests on it too (its migrations and script were checked)."
fi
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
    echo "test.sh: no test ran" >&2
    status=1
fi
exit $status
