using Library.Web.Infrastructure.Persistence.Search;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Library.Web.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// SQL only (no model change, so no designer file or snapshot change): the search indexes keep only listed titles
    /// (triggers also on IsArchived), the trigram index marks the end of every value, both are refilled, and the trigram
    /// instance view for 2-character words is added (see <see cref="CatalogSearchSql"/>).
    /// </summary>
    [DbContext(typeof(LibraryDbContext))]
    [Migration("20261202010000_CatalogSearchListedOnly")]
    public partial class CatalogSearchListedOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in CatalogSearchSql.CreateListedOnly)
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in CatalogSearchSql.DropListedOnly)
            {
                migrationBuilder.Sql(sql);
            }
        }
    }
}
