using Library.Web.Infrastructure.Persistence.Search;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Library.Web.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// SQL only (no model change, so no designer file or snapshot change): the trigram index beside the word index, its
    /// triggers, a backfill of the existing rows, and the vocabulary view used for "did you mean" (see <see cref="CatalogSearchSql"/>).
    /// </summary>
    [DbContext(typeof(LibraryDbContext))]
    [Migration("20261201211500_CatalogSearchTrigram")]
    public partial class CatalogSearchTrigram : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in CatalogSearchSql.CreateTrigram)
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CatalogSearchSql.DropTrigram);
        }
    }
}
