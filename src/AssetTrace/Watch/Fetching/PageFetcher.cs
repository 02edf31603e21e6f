using System.Net;
using System.Net.Http.Headers;
using AssetTrace.Watch.Sources;

namespace AssetTrace.Watch.Fetching;

/// <summary>The validators of the last snapshot of a page, sent so that an unchanged page costs a 304.</summary>
public sealed record PageValidators(string? ETag, string? LastModified);

/// <summary>
/// Fetches one page for a source (#15): only http and https to the source's hosts, each redirect hop
/// checked before it is followed, robots.txt and the per-host rate honoured, conditional requests,
/// retries with backoff on 5xx, 429 (Retry-After) and time-outs, the body streamed and cut at the limit.
/// Addresses are checked at connect by <see cref="GuardedConnection"/>.
/// </summary>
public sealed class PageFetcher(IHttpClientFactory clients, HostRate rate, TimeProvider clock)
{
    public const string ClientName = "watch";

    /// <summary>Fetches <paramref name="url"/>; throws <see cref="FetchFailedException"/> with the reason when it cannot.</summary>
    public async Task<FetchedPage> FetchAsync(WatchSource source, Uri url, PageValidators? validators, RobotsCache robots, CancellationToken ct)
    {
        var hop = url;
        for (var redirects = 0; ; redirects++)
        {
            if (!source.Allows(hop))
            {
                throw new FetchFailedException(hop, $"not a page of the source: only http and https to {string.Join(", ", source.Hosts.Order(StringComparer.Ordinal))}", refused: true);
            }
            if (source.Politeness.RobotsTxt && !(await robots.RulesAsync(this, source, hop, ct)).Allows(hop))
            {
                throw new FetchFailedException(hop, "robots.txt of the site disallows it", refused: true);
            }
            var page = await WithRetriesAsync(source, hop, validators, ct);
            if (page.Status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
                or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect)
            {
                if (redirects >= source.Limits.MaxRedirects)
                {
                    throw new FetchFailedException(url, $"more than {source.Limits.MaxRedirects} redirects");
                }
                if (page.Header("Location") is not { } location || !Uri.TryCreate(hop, location, out var next))
                {
                    throw new FetchFailedException(hop, "a redirect without a usable Location");
                }
                hop = next;
                continue;
            }
            return page;
        }
    }

    /// <summary>A robots.txt, fetched as any page (same checks), without conditional headers or robots rules of its own.</summary>
    internal async Task<RobotsRules> FetchRobotsAsync(WatchSource source, Uri robotsUrl, CancellationToken ct)
    {
        try
        {
            var page = await WithRetriesAsync(source, robotsUrl, null, ct);
            var code = (int)page.Status;
            return code is >= 200 and < 300
                ? RobotsRules.Parse(Charsets.Decode(page.Body, page.Charset).Text, source.Politeness.UserAgent)
                : code is >= 400 and < 500 ? RobotsRules.AllowAll : RobotsRules.DisallowAll;
        }
        catch (FetchFailedException e) when (!e.Refused)
        {
            // RFC 9309: a site whose robots.txt cannot be read is not crawled until it can.
            return RobotsRules.DisallowAll;
        }
    }

    private async Task<FetchedPage> WithRetriesAsync(WatchSource source, Uri url, PageValidators? validators, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await rate.WaitAsync(url.Authority, source.Politeness.RequestsPerMinutePerHost, ct);
            RetryConditionHeaderValue? retryAfter = null;
            string reason;
            try
            {
                var page = await OnceAsync(source, url, validators, ct);
                if (!RetryDelay.IsTransient(page.Status))
                {
                    return page;
                }
                reason = $"HTTP {(int)page.Status}";
                retryAfter = page.Header("Retry-After") is { } header && RetryConditionHeaderValue.TryParse(header, out var parsed) ? parsed : null;
            }
            catch (HttpRequestException e) when (e.InnerException is RefusedAddressException refused)
            {
                throw new FetchFailedException(url, refused.Message, refused: true);
            }
            catch (HttpRequestException e)
            {
                reason = e.Message;
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                reason = $"no answer within {source.Limits.Timeout.TotalSeconds:0} s";
            }
            if (attempt >= source.Limits.MaxAttempts)
            {
                throw new FetchFailedException(url, $"{reason} after {attempt} attempts");
            }
            await Task.Delay(RetryDelay.For(attempt, retryAfter, clock.GetUtcNow(), Random.Shared.NextDouble()), clock, ct);
        }
    }

    private async Task<FetchedPage> OnceAsync(WatchSource source, Uri url, PageValidators? validators, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Options.Set(GuardedConnection.AllowedInternalHosts, source.Politeness.AllowedPrivateHosts);
        request.Headers.TryAddWithoutValidation("User-Agent", source.Politeness.UserAgent);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        if (validators?.ETag is { } etag)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }
        if (validators?.LastModified is { } modified)
        {
            request.Headers.TryAddWithoutValidation("If-Modified-Since", modified);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(source.Limits.Timeout);
        var client = clients.CreateClient(ClientName);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var headers = response.Headers.Concat(response.Content.Headers)
            .SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v))).ToList();
        var (body, truncated) = await ReadLimitedAsync(response.Content, source.Limits.MaxBytes, timeout.Token);
        return new FetchedPage(url, response.StatusCode, headers, body, truncated, response.StatusCode == HttpStatusCode.NotModified,
            response.Content.Headers.ContentType?.MediaType, response.Content.Headers.ContentType?.CharSet, clock.GetUtcNow());
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes and stops there: a 50 MB page costs the limit, not 50 MB.</summary>
    private static async Task<(byte[] Body, bool Truncated)> ReadLimitedAsync(HttpContent content, long limit, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (true)
        {
            var read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length + 1)), ct);
            if (read == 0)
            {
                return (buffer.ToArray(), false);
            }
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                buffer.SetLength(limit);
                return (buffer.ToArray(), true);
            }
        }
    }
}
