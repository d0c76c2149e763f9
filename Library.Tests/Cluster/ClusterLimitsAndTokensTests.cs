using System.Net;
using System.Net.Http.Json;
using Library.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Library.Tests.Cluster;

/// <summary>What one node decides about a patron or a token holds on the other node too.</summary>
[Trait(TestStore.Trait, TestStore.PostgreSqlOnly)]
public sealed class ClusterLimitsAndTokensTests(ClusterLimitsAndTokensTests.SmallLimitNodes nodes) : IClassFixture<ClusterLimitsAndTokensTests.SmallLimitNodes>
{
    private const int Burst = 4;

    /// <summary>A per-patron budget of 4 borrows or returns that does not refill during the test.</summary>
    public sealed class SmallLimitNodes : ClusterNodes
    {
        public SmallLimitNodes() => Configure(app => app
            .With("Lending:Throttle:PerPatronBurst", Burst.ToString())
            .With("Lending:Throttle:PerPatronPerSecond", "1")
            .With("Lending:Throttle:PerPatronReplenishmentPeriod", "01:00:00")
            .With("SignIn:Throttle:FailuresPerAccount", "2"));
    }

    [Fact]
    public async Task The_per_patron_limit_counts_requests_sent_to_both_nodes_together()
    {
        var bookId = await nodes.A.WithDbAsync(db => db.Books.OrderBy(b => b.Id).Select(b => b.Id).Skip(3).FirstAsync());
        await nodes.A.PutCopiesOnShelfAsync(bookId, 20);
        using var onA = await nodes.A.SignInPatronAsync();
        using var onB = await nodes.B.SignInPatronAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            statuses.Add((await (i % 2 == 0 ? onA : onB).BorrowAsync(bookId, 1)).StatusCode);
        }

        // Per node the budget would allow 4 + 4 = 8; shared, it allows 4.
        Assert.Equal(Burst, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(10 - Burst, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Created, Burst), statuses.Take(Burst));
    }

    [Fact]
    public async Task A_refresh_token_spent_on_node_A_is_refused_on_node_B()
    {
        using var anonymousA = nodes.A.CreateApiClient();
        using var anonymousB = nodes.B.CreateApiClient();
        var login = await (await anonymousA.PostAsJsonAsync("/api/auth/login",
            new { email = LibraryApp.Patron2Email, password = LibraryApp.PatronPassword })).ReadAsync<Tokens>();

        var first = await anonymousA.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = login.RefreshToken });
        var again = await anonymousB.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = login.RefreshToken });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Equal("Refresh token already used", (await again.ReadAsync<Api.Problem>()).Title);
    }

    [Fact]
    public async Task Failed_sign_ins_on_both_nodes_share_one_budget_per_account()
    {
        using var anonymousA = nodes.A.CreateApiClient();
        using var anonymousB = nodes.B.CreateApiClient();
        var wrong = new { email = LibraryApp.LibrarianEmail, password = "not-the-password-at-all" };

        var onA = await anonymousA.PostAsJsonAsync("/api/auth/login", wrong);
        var onB = await anonymousB.PostAsJsonAsync("/api/auth/login", wrong);
        var third = await anonymousA.PostAsJsonAsync("/api/auth/login", wrong);

        // Per node each would still have one attempt left; together the account's two are used up.
        Assert.Equal(HttpStatusCode.Unauthorized, onA.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, onB.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.True(third.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
    }

    private sealed record Tokens(string AccessToken, string RefreshToken);
}
