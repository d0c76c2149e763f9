using Library.Tests.TestSupport;

namespace Library.Tests.Deployment;

/// <summary>A wrong <c>Database:Provider</c> stops the app at once with one line that says what is allowed.</summary>
public sealed class StoreSettingTests
{
    [Theory]
    [InlineData("Oracle", "Database:Provider is \"Oracle\"; allowed values are Sqlite (the default) and PostgreSQL.")]
    [InlineData("PostgreSQL", "Database:Provider is PostgreSQL but ConnectionStrings:Library is empty;")]
    public async Task A_store_setting_the_app_cannot_use_stops_it_with_one_line(string provider, string line)
    {
        var environment = new Dictionary<string, string> { ["Database__Provider"] = provider };
        if (provider == "PostgreSQL")
        {
            environment["ConnectionStrings__Library"] = "";
        }

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => AppProcess.StartAsync(environment));

        Assert.Contains("exited with 1", failure.Message);
        Assert.Contains(line, failure.Message);
        Assert.DoesNotContain("   at ", failure.Message);
    }
}
