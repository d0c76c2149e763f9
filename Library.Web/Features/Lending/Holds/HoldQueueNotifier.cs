using Library.Web.Infrastructure.Live;

namespace Library.Web.Features.Lending.Holds;

/// <summary>
/// Tells open pages that a title's hold queue changed (key and message: the book id): positions moved, a hold became
/// ready, was fulfilled, cancelled or expired. Pages re-read what they show.
/// </summary>
public sealed class HoldQueueNotifier(ILogger<HoldQueueNotifier> logger) : KeyedNotifier<int, int>(logger);
