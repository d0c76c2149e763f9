namespace Library.Web.Infrastructure.Identity;

/// <summary>Single-use refresh tokens: in this process (one node) or shared by every node (Infrastructure/Cluster).</summary>
internal interface IRefreshTokenLedger
{
    /// <summary>True the first time a token is presented (on any node); false for every later use.</summary>
    Task<bool> TrySpendAsync(string refreshToken);
}
