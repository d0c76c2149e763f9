using System.Security.Cryptography;
using Library.Domain.Common;
using Library.Web.Features.Catalog.Copies;
using Library.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Library.Web.Infrastructure.Identity.Cards;

/// <summary>
/// Library card numbers: the card prefix, 8 random digits and a check digit. Random rather than sequential because a card
/// opens a kiosk session: the next patron's number cannot be guessed from one's own.
/// </summary>
internal sealed class CardNumbers(IOptions<CodeOptions> options)
{
    /// <param name="alsoTaken">Numbers given in the same unit of work, not saved yet.</param>
    public async Task<string> NewAsync(IQueryable<LibraryUser> users, CancellationToken ct, IReadOnlySet<string>? alsoTaken = null)
    {
        while (true)
        {
            var candidate = ScanCode.Create(options.Value.CardPrefix, RandomNumberGenerator.GetInt32(1, 100_000_000));
            if (alsoTaken?.Contains(candidate) != true && !await users.AnyAsync(u => u.CardNumber == candidate, ct))
            {
                return candidate;
            }
        }
    }

    public ScanCodeProblem Read(string? input, out string cardNumber) => ScanCode.Read(input, options.Value.CardPrefix, out cardNumber);

    /// <summary>The normalised card number; 400 (<see cref="UnreadableScanException"/>) for one that is not a code or fails its check digit.</summary>
    public string ReadOrThrow(string? input) =>
        Read(input, out var card) is var problem && problem != ScanCodeProblem.None
            ? throw new UnreadableScanException("library card number", problem, input)
            : card;
}
