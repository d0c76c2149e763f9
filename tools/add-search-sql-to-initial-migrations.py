"""Adds the catalogue search structures (not part of the EF model) to each provider's generated initial migration."""
import glob

BASE = "Library.Web/Infrastructure/Persistence"
CASES = [
    ("Sqlite", "using Library.Web.Infrastructure.Persistence.Search;\n",
     """            // Catalogue search: the FTS5 word and trigram indexes, their triggers and vocabularies (not part of the EF model).
            foreach (var sql in CatalogSearchSql.CreateAll)
            {
                migrationBuilder.Sql(sql);
            }
""",
     """            foreach (var sql in CatalogSearchSql.DropAll)
            {
                migrationBuilder.Sql(sql);
            }
"""),
    ("PostgreSql", "using Library.Web.Infrastructure.Persistence.PostgreSql;\n",
     """            // Catalogue search: tsvector + GIN, pg_trgm (not part of the EF model).
            foreach (var sql in PostgreSqlSearchSql.Create)
            {
                migrationBuilder.Sql(sql);
            }
""",
     """            foreach (var sql in PostgreSqlSearchSql.Drop)
            {
                migrationBuilder.Sql(sql);
            }
"""),
]

for provider, using, create, drop in CASES:
    path = [p for p in glob.glob(f"{BASE}/{provider}/Migrations/*_Initial.cs") if not p.endswith(".Designer.cs")][0]
    s = open(path).read()
    down = s.index("protected override void Down")
    end_up = s.rindex("        }\n", 0, down)
    s = s[:end_up] + "\n" + create + s[end_up:]
    down = s.index("protected override void Down")
    start_down = s.index("{\n", down) + 2
    s = s[:start_down] + drop + "\n" + s[start_down:]
    open(path, "w").write(using + s)
    print("search SQL added to", path)
