using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AssetTrace.IntegrationTests.Infrastructure;

namespace AssetTrace.IntegrationTests.Accounts;

/// <summary>Sign-in requests without the harness's token, answered as they come (also 401, 403, 429).</summary>
internal static class AccountRequests
{
    public static async Task<HttpResponseMessage> LoginAsync(this ServerHarness server, string username, string password)
    {
        using var anonymous = new HttpClient { BaseAddress = server.Client.BaseAddress };
        return await anonymous.PostAsJsonAsync("/auth/login", new { username, password });
    }

    public static async Task<HttpResponseMessage> ChangePasswordAsync(this ServerHarness server, string username, string currentPassword, string newPassword)
    {
        using var anonymous = new HttpClient { BaseAddress = server.Client.BaseAddress };
        return await anonymous.PostAsJsonAsync("/auth/password", new { username, currentPassword, newPassword });
    }

    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>The code of the first GraphQL error, e.g. FORBIDDEN.</summary>
    public static string? ErrorCode(this JsonObject body) => body["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>();

    public static string? ErrorField(this JsonObject body) => body["errors"]?[0]?["extensions"]?["data"]?["field"]?.GetValue<string>();

    /// <summary>The audit entries, newest first, as the API shows them to an admin.</summary>
    public static async Task<JsonArray> AuditAsync(this ServerHarness server, int first = 100) =>
        (await server.DataAsync($"{{ auditLog(first: {first}) {{ actor action entity before after reason }} }}"))["auditLog"]!.AsArray();
}
