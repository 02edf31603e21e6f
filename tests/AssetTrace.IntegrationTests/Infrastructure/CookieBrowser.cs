using System.Net;
using System.Text.RegularExpressions;

namespace AssetTrace.IntegrationTests.Infrastructure;

/// <summary>An HTTP client that keeps cookies by hand and never follows redirects, to see each answer as the browser does.</summary>
public sealed partial class CookieBrowser(Uri address) : IDisposable
{
    private readonly HttpClient _client = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = address };
    private readonly Dictionary<string, string> _cookies = [];

    public string Cookie(string name) => _cookies[name];

    public void SetCookie(string name, string value) => _cookies[name] = value;

    public async Task<HttpResponseMessage> SignInAsync(string username, string password, string back = "/")
    {
        var form = FormToken(await (await GetAsync("/signin")).Content.ReadAsStringAsync());
        return await PostFormAsync("/console/signin", new()
        {
            ["__RequestVerificationToken"] = form, ["username"] = username, ["password"] = password, ["back"] = back,
        });
    }

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    public Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) });

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }
        var response = await _client.SendAsync(request);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';')[0].Split('=', 2);
            if (pair[1].Length == 0)
            {
                _cookies.Remove(pair[0]);
            }
            else
            {
                _cookies[pair[0]] = pair[1];
            }
        }
        return response;
    }

    public static string FormToken(string page) => FormTokenPattern().Match(page) is { Success: true } match
        ? WebUtility.HtmlDecode(match.Groups[1].Value)
        : throw new InvalidOperationException("The page has no antiforgery token: " + page[..Math.Min(page.Length, 500)]);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex FormTokenPattern();

    public void Dispose() => _client.Dispose();
}
