using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Library.Web.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Reports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
