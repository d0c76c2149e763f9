namespace Library.Web.Features.Reports;

/// <summary>The report names in <c>/api/admin/reports/{name}</c> and <c>{name}.csv</c>.</summary>
internal static class ReportNames
{
    public const string LoansReturns = "loans-returns";
    public const string BusiestHours = "busiest-hours";
    public const string TopTitles = "top-titles";
    public const string Overdue = "overdue";
    public const string Fees = "fees";
    public const string NeverBorrowed = "never-borrowed";

    public static readonly string[] All = [LoansReturns, BusiestHours, TopTitles, Overdue, Fees, NeverBorrowed];

    public static string CsvUrl(string name, ReportPeriod period) =>
        $"/api/admin/reports/{name}.csv?from={period.From:yyyy-MM-dd}&to={period.To:yyyy-MM-dd}";

    public static string FileName(string name, ReportPeriod period) =>
        name == NeverBorrowed ? "never-borrowed.csv" : $"{name}-{period.From:yyyy-MM-dd}-{period.To:yyyy-MM-dd}.csv";
}
