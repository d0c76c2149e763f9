using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Library.Web.Infrastructure.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class LoanHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Loans_PatronId_Status",
                table: "Loans");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClosedAt",
                table: "Loans",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Loans_PatronId_Status_ClosedAt",
                table: "Loans",
                columns: new[] { "PatronId", "Status", "ClosedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Loans_PatronId_Status_ClosedAt",
                table: "Loans");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "Loans");

            migrationBuilder.CreateIndex(
                name: "IX_Loans_PatronId_Status",
                table: "Loans",
                columns: new[] { "PatronId", "Status" });
        }
    }
}
