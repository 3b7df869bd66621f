#!/usr/bin/env bash
# Adds a migration NAME to all three providers at once (SQLite, PostgreSQL, SQL Server), each with its own snapshot.
#   tools/add-migration.sh AddCertificates
# No database server is contacted: the design-time factories in Data/ShowcaseDatabase.cs build the models.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 1 ] || { echo "usage: tools/add-migration.sh NAME" >&2; exit 2; }
dotnet tool restore >/dev/null
for provider in Sqlite Postgres SqlServer; do
    dotnet ef migrations add "$1" --project KhuyenCong.Showcase.Domain --startup-project KhuyenCong.Showcase.Domain \
        --context "${provider}ShowcaseDb" --output-dir "Data/Migrations/$provider"
done
