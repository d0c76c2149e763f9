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

    [Fact]
    public void Every_string_MudBlazor_shows_has_our_korean_translation()
    {
        // MudBlazor's built-in (English) strings: pager, filter and column menus, pickers, close buttons…
        var mudBlazor = typeof(MudBlazor.MudLocalizer).Assembly;
        var resourceName = mudBlazor.GetManifestResourceNames().Single(n => n.EndsWith("LanguageResource.resources"));
        using var stream = mudBlazor.GetManifestResourceStream(resourceName)!;
        using var reader = new System.Resources.ResourceReader(stream);
        var builtIn = reader.Cast<System.Collections.DictionaryEntry>()
            .Where(e => e.Value is string && ((string)e.Key).Contains('_'))
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);
        var korean = Load(Path.Combine("Library.Web", "Localization", "MudBlazorText.ko.resx"));

        Assert.True(builtIn.Count > 100, "MudBlazor's language resource was not found");
        var missing = builtIn.Keys.Where(k => !korean.ContainsKey(k)).Order().ToList();
        Assert.True(missing.Count == 0, "MudBlazor strings without Korean (after a MudBlazor upgrade?): " + string.Join(", ", missing));
        Assert.All(builtIn, pair => Assert.Equal(Placeholders(pair.Value), Placeholders(korean[pair.Key])));
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
