using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Library.Web.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Data only (no model change): due dates were "borrow instant + 14 days"; they become the end of that instant's
    /// Asia/Seoul calendar day (23:59:59.999 KST), the meaning a due date has from now on. Seoul has been UTC+9 without
    /// daylight saving since 1988, so a fixed offset is exact. On SQLite DateTimeOffset is stored by
    /// DateTimeOffsetToBinaryConverter: ((ticks / 1000) &lt;&lt; 11) | offset minutes; every stored value has offset 0.
    /// Notices keep the due date they state, so theirs move the same way.
    /// </summary>
    [DbContext(typeof(LibraryDbContext))]
    [Migration("20261201213000_DueDatesEndOfLibraryDay")]
    public partial class DueDatesEndOfLibraryDay : Migration
    {
        internal const long TicksPerDay = 864_000_000_000;
        internal const long SeoulOffsetTicks = 324_000_000_000;
        internal const long TicksPerMillisecond = 10_000;

        /// <summary>SQL turning the stored due date in <paramref name="column"/> into the end of its Seoul day.</summary>
        internal static string EndOfSeoulDay(string column) =>
            $"(((((({column} >> 11) * 1000 + {SeoulOffsetTicks}) / {TicksPerDay}) * {TicksPerDay} + {TicksPerDay} - {TicksPerMillisecond} - {SeoulOffsetTicks}) / 1000) << 11)";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            if (!migrationBuilder.IsSqlite())
            {
                return; // Other providers start empty: there is nothing stored in the old meaning.
            }

            migrationBuilder.Sql($"UPDATE Loans SET DueAt = {EndOfSeoulDay("DueAt")} WHERE (DueAt & 2047) = 0;");
            migrationBuilder.Sql($"UPDATE Notifications SET DueAt = {EndOfSeoulDay("DueAt")} WHERE DueAt IS NOT NULL AND (DueAt & 2047) = 0;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The original time of day is gone; the end of the due day is a valid due moment under the old rules too.
        }
    }
}
