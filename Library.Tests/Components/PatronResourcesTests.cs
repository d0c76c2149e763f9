using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Library.Tests.Components;

/// <summary>Every patron-page string exists in English and Korean, with the same placeholders.</summary>
public sealed partial class PatronResourcesTests
{
    [Theory]
    [InlineData("CatalogText")]
    [InlineData("LendingText")]
    [InlineData("DashboardText")]
    public void Korean_is_complete_and_keeps_the_placeholders(string resource)
    {
        var english = Load($"{resource}.resx");
        var korean = Load($"{resource}.ko.resx");

        Assert.Equal(english.Keys.Order(), korean.Keys.Order());
        Assert.All(english, pair =>
        {
            Assert.False(string.IsNullOrWhiteSpace(korean[pair.Key]), $"{resource}/{pair.Key} has no Korean text");
            Assert.Equal(Placeholders(pair.Value), Placeholders(korean[pair.Key]));
        });
    }

    private static Dictionary<string, string> Load(string file)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Library.sln")))
        {
            directory = directory.Parent;
        }

        var path = Path.Combine(directory!.FullName, "Library.Web", "Localization", file);
        return XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")?.Value ?? string.Empty);
    }

    private static List<string> Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value).Distinct().Order().ToList();

    [GeneratedRegex(@"\{(\d+)[^}]*\}")]
    private static partial Regex PlaceholderPattern();
}
