using System.Reflection;
using Library.Domain.Common;
using Library.Web.Infrastructure.Persistence;

namespace Library.Tests.Architecture;

public sealed class ArchitectureTests
{
    private static readonly Assembly Domain = typeof(AggregateRoot).Assembly;
    private static readonly Assembly Web = typeof(LibraryDbContext).Assembly;

    [Fact]
    public void Domain_references_no_ef_aspnet_or_ui_assembly()
    {
        var forbidden = Domain.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("Microsoft.EntityFrameworkCore") || n.StartsWith("Microsoft.AspNetCore")
                        || n.StartsWith("MudBlazor") || n.StartsWith("Microsoft.Extensions") || n.StartsWith("Quartz"))
            .ToList();

        Assert.Empty(forbidden);
    }

    [Theory]
    [InlineData("Library.Domain.Lending", "Library.Domain.Fines")]
    [InlineData("Library.Domain.Fines", "Library.Domain.Lending")]
    [InlineData("Library.Web.Features.Lending", "Library.Domain.Fines")]
    [InlineData("Library.Web.Features.Lending", "Library.Web.Features.Fines")]
    [InlineData("Library.Web.Features.Fines", "Library.Web.Features.Lending")]
    public void Lending_and_fines_do_not_reference_each_other(string module, string other)
    {
        var offenders = TypeDependencies.TypesIn(module, Domain, Web)
            .SelectMany(t => TypeDependencies.Of(t).Where(d => d.Namespace?.StartsWith(other) == true).Select(d => $"{t.FullName} -> {d.FullName}"))
            .Distinct()
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Fines_learns_about_lending_only_through_its_events()
    {
        var offenders = TypeDependencies.TypesIn("Library.Web.Features.Fines", Web)
            .SelectMany(t => TypeDependencies.Of(t)
                .Where(d => d.Namespace?.StartsWith("Library.Domain.Lending") == true && d.Namespace != "Library.Domain.Lending.Events")
                .Select(d => $"{t.FullName} -> {d.FullName}"))
            .Distinct()
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Domain_events_are_sealed_records_named_in_the_past_tense()
    {
        var events = Domain.GetTypes().Where(t => typeof(IDomainEvent).IsAssignableFrom(t) && !t.IsAbstract && !t.IsInterface).ToList();

        Assert.NotEmpty(events);
        Assert.All(events, e =>
        {
            Assert.True(e.IsSealed, $"{e.Name} should be sealed");
            Assert.NotNull(e.GetMethod("<Clone>$"));
            // HoldReady is the circulation issue's own name for "the hold became ready".
            Assert.Matches("(ed|Charged|Settled|^HoldReady)$", e.Name);
        });
    }
}
