using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Library.Web.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CatalogSortIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Books_Author",
                table: "Books");

            migrationBuilder.CreateIndex(
                name: "IX_Books_Author_Title",
                table: "Books",
                columns: new[] { "Author", "Title" });

            migrationBuilder.CreateIndex(
                name: "IX_Books_AvailableCopies_Title",
                table: "Books",
                columns: new[] { "AvailableCopies", "Title" });

            migrationBuilder.CreateIndex(
                name: "IX_Books_IsArchived",
                table: "Books",
                column: "IsArchived");

            migrationBuilder.CreateIndex(
                name: "IX_Books_Year_Title",
                table: "Books",
                columns: new[] { "Year", "Title" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Books_Author_Title",
                table: "Books");

            migrationBuilder.DropIndex(
                name: "IX_Books_AvailableCopies_Title",
                table: "Books");

            migrationBuilder.DropIndex(
                name: "IX_Books_IsArchived",
                table: "Books");

            migrationBuilder.DropIndex(
                name: "IX_Books_Year_Title",
                table: "Books");

            migrationBuilder.CreateIndex(
                name: "IX_Books_Author",
                table: "Books",
                column: "Author");
        }
    }
}
