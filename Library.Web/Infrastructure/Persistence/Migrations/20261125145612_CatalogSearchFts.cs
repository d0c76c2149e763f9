using Library.Web.Infrastructure.Persistence.Search;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Library.Web.Infrastructure.Persistence.Migrations
{
    /// <summary>The catalogue's FTS5 index and the triggers that keep it in step with Books (SQL in <see cref="CatalogSearchSql"/>).</summary>
    public partial class CatalogSearchFts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in CatalogSearchSql.Create)
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CatalogSearchSql.Drop);
        }
    }
}
