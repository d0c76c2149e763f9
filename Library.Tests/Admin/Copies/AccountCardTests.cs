using Library.Tests.Accounts;
using Library.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Library.Tests.Admin.Copies;

/// <summary>A patron's account page shows their library card as a barcode the desk and kiosks can scan.</summary>
public sealed class AccountCardTests(LibraryApp app) : IClassFixture<LibraryApp>
{
    [Fact]
    public async Task The_account_page_shows_the_card_number_as_a_scannable_barcode()
    {
        var card = await app.WithDbAsync(db => db.Users.Where(u => u.Email == LibraryApp.PatronEmail).Select(u => u.CardNumber).SingleAsync());
        Assert.False(string.IsNullOrEmpty(card));
        using var patron = new WebSession(app.BaseAddress);
        await SignInThrottleTests.SignInOnPageAsync(patron, LibraryApp.PatronEmail, LibraryApp.PatronPassword);

        var html = await (await patron.GetAsync("/account/manage")).Content.ReadAsStringAsync();

        Assert.Contains($">{card}</figcaption>", html);
        Assert.Equal(card, SvgBarcodes.Decode(SvgBarcodes.SvgInside(html, "testid", "card-barcode")));
    }
}
