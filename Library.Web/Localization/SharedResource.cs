namespace Library.Web.Localization;

/// <summary>Marker for SharedResource.resx (layout, navigation, common words, rule messages).</summary>
public sealed class SharedResource;
