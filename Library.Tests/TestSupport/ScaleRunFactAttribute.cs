namespace Library.Tests.TestSupport;

/// <summary>
/// A run at library scale (tens of thousands of rows) that prints figures for the README; it takes minutes on a loaded
/// 2-core machine, so test.sh leaves it out unless LIBRARY_SCALE_RUNS=1.
/// </summary>
public sealed class ScaleRunFactAttribute : FactAttribute
{
    public ScaleRunFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("LIBRARY_SCALE_RUNS") != "1")
        {
            Skip = "Set LIBRARY_SCALE_RUNS=1 to run it.";
        }
    }
}
