using System.Text.RegularExpressions;
using System.Xml.Linq;

using Library.Tests.TestSupport;

namespace Library.Tests.Components;

/// <summary>Every UI string of the app exists in English and Korean, with the same placeholders.</summary>
public sealed partial class KoreanResourcesTests
{
    public static TheoryData<string> EnglishResources() => new(EnglishResourceFiles());

    private static List<string> EnglishResourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(RepoRoot.Directory, "Library.Web"), "*.resx", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".ko.resx") && !f.Contains("/bin/") && !f.Contains("/obj/"))
            .Select(f => Path.GetRelativePath(RepoRoot.Directory, f))
            .Order()
            .ToList();

    [Fact]
    public void Every_area_has_a_korean_resource_file()
    {
        var english = EnglishResourceFiles();

        Assert.True(english.Count >= 8, "expected resx files for every area");
        Assert.All(english, file => Assert.True(File.Exists(Path.Combine(RepoRoot.Directory, file[..^".resx".Length] + ".ko.resx")), $"{file} has no Korean twin"));
    }

    [Theory]
    [MemberData(nameof(EnglishResources))]
    public void Korean_is_complete_and_keeps_the_placeholders(string resource)
    {
        var english = Load(resource);
        var korean = Load(resource[..^".resx".Length] + ".ko.resx");

        Assert.Equal(english.Keys.Order(), korean.Keys.Order());
        Assert.All(english, pair =>
        {
            Assert.False(string.IsNullOrWhiteSpace(korean[pair.Key]), $"{resource}/{pair.Key} has no Korean text");
            Assert.Equal(Placeholders(pair.Value), Placeholders(korean[pair.Key]));
        });
    }

    private static Dictionary<string, string> Load(string file)
    {
        return XDocument.Load(Path.Combine(RepoRoot.Directory, file)).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")?.Value ?? string.Empty);
    }

    private static List<string> Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value).Distinct().Order().ToList();

    [GeneratedRegex(@"\{(\d+)[^}]*\}")]
    private static partial Regex PlaceholderPattern();
}
