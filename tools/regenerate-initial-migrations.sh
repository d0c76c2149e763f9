#!/usr/bin/env bash
# While no deployment exists, each provider has ONE initial migration generated from the one EF model. After a model
# change: this script deletes both sets and generates them again, then adds the search SQL that is not part of the model.
# (Once a library runs the app, add normal migrations with `dotnet ef migrations add <Name> --context <Provider>LibraryDbContext`.)
set -euo pipefail
cd "$(dirname "$0")/.."
base=Library.Web/Infrastructure/Persistence
rm -rf "$base/Sqlite/Migrations" "$base/PostgreSql/Migrations"
dotnet ef migrations add Initial --project Library.Web --context SqliteLibraryDbContext --output-dir Infrastructure/Persistence/Sqlite/Migrations
dotnet ef migrations add Initial --project Library.Web --context PostgreSqlLibraryDbContext --output-dir Infrastructure/Persistence/PostgreSql/Migrations
python3 tools/add-search-sql-to-initial-migrations.py
