namespace Library.Web;

/// <summary>An id that does not exist, or that the caller may not see (answered the same way, as 404).</summary>
public sealed class NotFoundException(string what, object id) : Exception($"{what} '{id}' was not found.")
{
    public string What { get; } = what;
}
