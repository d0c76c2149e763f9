using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Library.Web.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Circulation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Loans_PatronId_Status",
                table: "Loans");

            migrationBuilder.AddColumn<int>(
                name: "HoldsReady",
                table: "PatronDashboards",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "HoldsWaiting",
                table: "PatronDashboards",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "Notifications",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ClosedAt",
                table: "Loans",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RemindedDueAt",
                table: "Loans",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Renewals",
                table: "Loans",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "OnHoldShelfCopies",
                table: "Books",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "AutoRenewOptedOut",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ClosedDates",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClosedDates", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "ClosedWeekdays",
                columns: table => new
                {
                    Day = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClosedWeekdays", x => x.Day);
                    table.CheckConstraint("CK_ClosedWeekdays_Day", "\"Day\" >= 0 AND \"Day\" <= 6");
                });

            migrationBuilder.CreateTable(
                name: "Holds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatronId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    BookId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlacedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CopyId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReadyAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReadyUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LoanId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Holds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Holds_AspNetUsers_PatronId",
                        column: x => x.PatronId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Holds_Books_BookId",
                        column: x => x.BookId,
                        principalTable: "Books",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Holds_Copies_CopyId",
                        column: x => x.CopyId,
                        principalTable: "Copies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Loans_PatronId_Status_ClosedAt",
                table: "Loans",
                columns: new[] { "PatronId", "Status", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Holds_BookId_Status_PlacedAt",
                table: "Holds",
                columns: new[] { "BookId", "Status", "PlacedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Holds_CopyId",
                table: "Holds",
                column: "CopyId");

            migrationBuilder.CreateIndex(
                name: "IX_Holds_PatronId_Status",
                table: "Holds",
                columns: new[] { "PatronId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Holds_Status_ReadyUntil",
                table: "Holds",
                columns: new[] { "Status", "ReadyUntil" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClosedDates");

            migrationBuilder.DropTable(
                name: "ClosedWeekdays");

            migrationBuilder.DropTable(
                name: "Holds");

            migrationBuilder.DropIndex(
                name: "IX_Loans_PatronId_Status_ClosedAt",
                table: "Loans");

            migrationBuilder.DropColumn(
                name: "HoldsReady",
                table: "PatronDashboards");

            migrationBuilder.DropColumn(
                name: "HoldsWaiting",
                table: "PatronDashboards");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "Loans");

            migrationBuilder.DropColumn(
                name: "RemindedDueAt",
                table: "Loans");

            migrationBuilder.DropColumn(
                name: "Renewals",
                table: "Loans");

            migrationBuilder.DropColumn(
                name: "OnHoldShelfCopies",
                table: "Books");

            migrationBuilder.DropColumn(
                name: "AutoRenewOptedOut",
                table: "AspNetUsers");

            migrationBuilder.CreateIndex(
                name: "IX_Loans_PatronId_Status",
                table: "Loans",
                columns: new[] { "PatronId", "Status" });
        }
    }
}
