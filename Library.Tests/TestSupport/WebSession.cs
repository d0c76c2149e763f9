using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Library.Tests.TestSupport;

/// <summary>
/// A cookie-keeping HTTP client against the real app, optionally connecting from another loopback address (127.0.0.x),
/// so tests can be "different clients" for per-address limits. Posts the static server-rendered forms the way a browser
/// does: reads the page, keeps its hidden fields (antiforgery token, form name), adds the typed values.
/// </summary>
public sealed partial class WebSession : IDisposable
{
    private readonly HttpClient _client;

    public WebSession(Uri baseAddress, string? fromAddress = null)
    {
        var handler = new SocketsHttpHandler { CookieContainer = Cookies, AllowAutoRedirect = false, UseCookies = true };
        if (fromAddress is not null)
        {
            var local = IPAddress.Parse(fromAddress);
            handler.ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        _client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public CookieContainer Cookies { get; } = new();

    public HttpClient Http => _client;

    public Task<HttpResponseMessage> GetAsync(string path) => _client.GetAsync(path);

    /// <summary>GETs <paramref name="path"/>, then posts its form <paramref name="formName"/> with the given fields.</summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(string path, string formName, IReadOnlyDictionary<string, string> fields)
    {
        var page = await (await _client.GetAsync(path)).Content.ReadAsStringAsync();
        var form = FormPattern().Matches(page).Select(m => m.Value).FirstOrDefault(f => f.Contains($"value=\"{formName}\""))
                   ?? throw new InvalidOperationException($"No form {formName} on {path}");
        var values = HiddenPattern().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        return await _client.PostAsync(path, new FormUrlEncodedContent(values));
    }

    /// <summary>The hidden antiforgery token of the first form on a page.</summary>
    public async Task<string?> AntiforgeryTokenAsync(string path)
    {
        var page = await (await _client.GetAsync(path)).Content.ReadAsStringAsync();
        return HiddenPattern().Matches(page).FirstOrDefault(m => m.Groups["name"].Value == "__RequestVerificationToken")?.Groups["value"].Value;
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("<form[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"", RegexOptions.Singleline)]
    private static partial Regex HiddenPattern();
}
