using Library.Web.Infrastructure.Identity.Cards;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Library.Web.Infrastructure.Identity;

/// <summary>Every account gets a library card number when it is created, whichever way it is created.</summary>
internal sealed class LibraryUserManager(
    IUserStore<LibraryUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<LibraryUser> passwordHasher,
    IEnumerable<IUserValidator<LibraryUser>> userValidators,
    IEnumerable<IPasswordValidator<LibraryUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<LibraryUser>> logger,
    CardNumbers cardNumbers)
    : UserManager<LibraryUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<IdentityResult> CreateAsync(LibraryUser user)
    {
        user.CardNumber ??= await cardNumbers.NewAsync(Users, CancellationToken);
        return await base.CreateAsync(user);
    }
}
