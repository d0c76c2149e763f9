using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Library.Web.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CatalogueImportAndReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CoverVersion",
                table: "Books",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BookCovers",
                columns: table => new
                {
                    BookId = table.Column<int>(type: "INTEGER", nullable: false),
                    Small = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Large = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BookCovers", x => x.BookId);
                    table.ForeignKey(
                        name: "FK_BookCovers_Books_BookId",
                        column: x => x.BookId,
                        principalTable: "Books",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Loans_BorrowedAt_BookId",
                table: "Loans",
                columns: new[] { "BorrowedAt", "BookId" });

            migrationBuilder.CreateIndex(
                name: "IX_Loans_ClosedAt_DueAt",
                table: "Loans",
                columns: new[] { "ClosedAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Loans_DueAt_ClosedAt",
                table: "Loans",
                columns: new[] { "DueAt", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LoanReturns_ReturnedAt",
                table: "LoanReturns",
                column: "ReturnedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Fees_ChargedAt_Amount",
                table: "Fees",
                columns: new[] { "ChargedAt", "Amount" });

            migrationBuilder.CreateIndex(
                name: "IX_Fees_SettledAt_Status_Amount",
                table: "Fees",
                columns: new[] { "SettledAt", "Status", "Amount" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BookCovers");

            migrationBuilder.DropIndex(
                name: "IX_Loans_BorrowedAt_BookId",
                table: "Loans");

            migrationBuilder.DropIndex(
                name: "IX_Loans_ClosedAt_DueAt",
                table: "Loans");

            migrationBuilder.DropIndex(
                name: "IX_Loans_DueAt_ClosedAt",
                table: "Loans");

            migrationBuilder.DropIndex(
                name: "IX_LoanReturns_ReturnedAt",
                table: "LoanReturns");

            migrationBuilder.DropIndex(
                name: "IX_Fees_ChargedAt_Amount",
                table: "Fees");

            migrationBuilder.DropIndex(
                name: "IX_Fees_SettledAt_Status_Amount",
                table: "Fees");

            migrationBuilder.DropColumn(
                name: "CoverVersion",
                table: "Books");
        }
    }
}
