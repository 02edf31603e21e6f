using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AssetTrace.IntegrationTests.Watch;

/// <summary>
/// Web sites for the watch's tests (#15), served by Kestrel on loopback in the test process: a news
/// page that can change, a paged list, robots.txt, failing and throttling pages, validators, old
/// Cyrillic charsets, gzip, redirects to internal addresses, a 50 MB page and hostile markup.
/// </summary>
public sealed class FixtureSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);

    private FixtureSite(WebApplication app) => _app = app;

    public int Port { get; private set; }

    /// <summary>The news page's article text; a test changes it between runs.</summary>
    public string NewsText { get; set; } = "Former vice-minister Serik Achmetov bought a villa on the Palm through a Cyprus company, the paper found.";

    /// <summary>How many requests a path got (robots.txt included).</summary>
    public int Hits(string path) => _hits.GetValueOrDefault(path);

    /// <summary>How long /held answers (the page of a crawl that takes a while, for the two-server test).</summary>
    public TimeSpan HeldFor { get; set; } = TimeSpan.FromSeconds(2);

    private int _heldNow;

    /// <summary>The most requests /held was answering at one time.</summary>
    public int HeldAtOnce { get; private set; }

    public static async Task<FixtureSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var site = new FixtureSite(app);
        app.Use(async (context, next) =>
        {
            site._hits.AddOrUpdate(context.Request.Path.Value!, 1, (_, n) => n + 1);
            await next(context);
        });
        site.Map(app);
        await app.StartAsync();
        site.Port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        return site;
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/robots.txt", () => "User-agent: *\nDisallow: /private/\n\nUser-agent: OtherBot\nDisallow: /\n");
        app.MapGet("/news/", () => Html($"<html><body><article><h1>Villa on the Palm</h1><p>{WebUtility.HtmlEncode(NewsText)}</p></article></body></html>"));
        app.MapGet("/list", (int page) => Html($"""
            <html><body><table class="results"><tbody>
            <tr><td class="name">Company {page}-A LLP</td><td class="bin">0{page}0440012345</td><td class="director">Someone Else</td></tr>
            <tr><td class="name">Company {page}-B LLP</td><td class="bin">0{page}0440054321</td><td class="director">{(page == 3 ? "Achmetov Serik" : "Nobody")}</td></tr>
            </tbody></table>
            {(page < 3 ? $"<a rel=\"next\" href=\"/list?page={page + 1}\">next</a>" : "")}
            <a class="staff" href="/private/secret">staff only</a></body></html>
            """));
        app.MapGet("/tick", () => Html("<html><body><article><p>Nothing new.</p></article></body></html>"));
        app.MapGet("/held", async (HttpContext c) =>
        {
            var now = Interlocked.Increment(ref _heldNow);
            lock (_hits)
            {
                HeldAtOnce = Math.Max(HeldAtOnce, now);
            }
            try
            {
                await Task.Delay(HeldFor, c.RequestAborted);
                return Html("<html><body><article><p>Still nothing new.</p></article></body></html>");
            }
            finally
            {
                Interlocked.Decrement(ref _heldNow);
            }
        });
        app.MapGet("/private/secret", () => Html("<html><body>secret</body></html>"));
        app.MapGet("/flaky", (HttpContext c) => Hits("/flaky") == 1 ? Results.StatusCode(500) : Html("<html><body><p>fine now</p></body></html>"));
        app.MapGet("/busy", (HttpContext c) =>
        {
            if (Hits("/busy") == 1)
            {
                c.Response.Headers.RetryAfter = "7";
                return Results.StatusCode(429);
            }
            return Html("<html><body><p>served</p></body></html>");
        });
        app.MapGet("/validated", (HttpContext c) =>
        {
            c.Response.Headers.ETag = "\"v1\"";
            c.Response.Headers.LastModified = "Tue, 01 Dec 2026 10:00:00 GMT";
            return c.Request.Headers.IfNoneMatch == "\"v1\"" ? Results.StatusCode(304) : Html("<html><body><p>stable</p></body></html>");
        });
        app.MapGet("/cp1251", () => Results.Bytes(Encoding.GetEncoding("windows-1251").GetBytes("<html><body><p>Серик Ахметов купил виллу</p></body></html>"), "text/html; charset=windows-1251"));
        app.MapGet("/koi8", () => Results.Bytes(Encoding.GetEncoding("koi8-r").GetBytes("<html><head><meta charset=\"koi8-r\"></head><body><p>Серик Ахметов продал яхту</p></body></html>"), "text/html"));
        app.MapGet("/gzip", async (HttpContext c) =>
        {
            c.Response.ContentType = "text/html; charset=utf-8";
            c.Response.Headers.ContentEncoding = "gzip";
            await using var gzip = new GZipStream(c.Response.Body, CompressionLevel.Fastest);
            await gzip.WriteAsync(Encoding.UTF8.GetBytes("<html><body><p>compressed Serik Achmetov</p></body></html>"));
        });
        app.MapGet("/to-loopback", () => Results.Redirect($"http://127.0.0.1:{Port}/news/"));
        app.MapGet("/to-private", () => Results.Redirect("http://10.0.0.1/admin"));
        app.MapGet("/huge", async (HttpContext c) =>
        {
            c.Response.ContentType = "text/html";
            var chunk = Encoding.ASCII.GetBytes(new string('x', 1 << 20));
            for (var i = 0; i < 50 && !c.RequestAborted.IsCancellationRequested; i++)
            {
                await c.Response.Body.WriteAsync(chunk, c.RequestAborted);
            }
        });
        MapReaders(app);
        app.MapGet("/slow", async (HttpContext c) => { await Task.Delay(TimeSpan.FromSeconds(30), c.RequestAborted); return Html("late"); });
        app.MapGet("/hostile", () => Html("<html><body><script>fetch('http://10.0.0.1/steal')</script><img src=x onerror=\"alert(1)\">"
            + "<article><p>Serik Achmetov <b>unclosed <i>tags</p></div></span>" + string.Concat(Enumerable.Repeat("<div>", 10_000)) + "deep" + "</article>"));
    }

    /// <summary>Hostile input for the JSON and sitemap readers: a 100 MB feed, a deeply nested one, a sitemap index that loops and points off-site.</summary>
    private static void MapReaders(WebApplication app)
    {
        app.MapGet("/api/people.json", () => Results.Content("""
            { "meta": { "total": 2, "next": null },
              "data": { "results": [
                { "id": "KZ-000123", "name": "Serik Achmetov", "position": "former vice-minister", "birthDate": "1961-03-04" },
                { "id": "KZ-000124", "name": { "first": "Nested", "last": "Object" }, "position": 17 } ] } }
            """, "application/json"));
        app.MapGet("/api/huge.json", async (HttpContext c) =>
        {
            // 100 MB of a well-formed feed; the crawler must stop at its limit rather than hold it all.
            c.Response.ContentType = "application/json";
            var row = Encoding.ASCII.GetBytes("""{"id":"X-1","name":"Nobody In Particular","position":"clerk"},""");
            await c.Response.Body.WriteAsync("{\"data\":{\"results\":["u8.ToArray(), c.RequestAborted);
            var chunk = Enumerable.Repeat(row, (1 << 20) / row.Length).SelectMany(r => r).ToArray();
            for (var i = 0; i < 100 && !c.RequestAborted.IsCancellationRequested; i++)
            {
                await c.Response.Body.WriteAsync(chunk, c.RequestAborted);
            }
            await c.Response.Body.WriteAsync("""{"id":"X-2","name":"Serik Achmetov"}]}}"""u8.ToArray(), c.RequestAborted);
        });
        app.MapGet("/api/deep.json", () => Results.Content("{\"data\":{\"results\":" + new string('[', 100_000) + new string(']', 100_000) + "}}", "application/json"));
        app.MapGet("/sitemap-index.xml", (HttpContext c) => Results.Content($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <sitemap><loc>http://{c.Request.Host}/sitemap-index.xml</loc><lastmod>2026-11-30</lastmod></sitemap>
              <sitemap><loc>http://{c.Request.Host}/sitemap-pages.xml</loc></sitemap>
            </sitemapindex>
            """, "application/xml"));
        app.MapGet("/sitemap-pages.xml", (HttpContext c) => Results.Content($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <url><loc>http://{c.Request.Host}/news/</loc><lastmod>2026-11-30T08:00:00+05:00</lastmod><changefreq>daily</changefreq></url>
              <url><loc>http://{c.Request.Host}/sitemap-index.xml</loc></url>
              <url><loc>http://elsewhere.test:{c.Request.Host.Port}/offsite</loc></url>
              <url><loc>http://10.0.0.1/admin</loc></url>
              <url><loc>file:///etc/passwd</loc></url>
            </urlset>
            """, "application/xml"));
        app.MapGet("/offsite", () => Html("<html><body><article><p>Serik Achmetov off-site</p></article></body></html>"));
    }

    private static IResult Html(string html) => Results.Content(html, "text/html; charset=utf-8");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
