using System.Reflection;
using System.Text.Json;

namespace AssetTrace.Requests.Documents;

/// <summary>
/// The wording of request letters in the six UN languages, one resource per language
/// (Requests/Documents/Templates/*.json) with the same keys; placeholders are {name}.
/// </summary>
public sealed class LetterTemplates
{
    public static readonly IReadOnlyList<string> Languages = ["en", "ru", "fr", "es", "ar", "zh"];

    private readonly Dictionary<string, Dictionary<string, string>> _texts;

    public LetterTemplates()
    {
        var assembly = Assembly.GetExecutingAssembly();
        _texts = Languages.ToDictionary(l => l, l =>
        {
            using var stream = assembly.GetManifestResourceStream($"AssetTrace.Requests.Documents.Templates.{l}.json")
                ?? throw new InvalidOperationException($"The letter template for '{l}' is missing from the build.");
            return JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!;
        });
    }

    public IReadOnlyCollection<string> KeysOf(string language) => _texts[language].Keys;

    public bool Has(string language, string key) => _texts.TryGetValue(language, out var texts) && texts.ContainsKey(key);

    public static bool IsRightToLeft(string language) => language == "ar";

    /// <summary>The text for a key, with {placeholders} filled in.</summary>
    public string Text(string language, string key, params (string Name, string Value)[] values)
    {
        if (!_texts.TryGetValue(language, out var texts))
        {
            throw new Common.UserInputException("languages", $"'{language}' is not one of the letter languages: {string.Join(", ", Languages)}.");
        }
        var text = texts.TryGetValue(key, out var found) ? found : throw new KeyNotFoundException($"Template '{language}' has no text '{key}'.");
        foreach (var (name, value) in values)
        {
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }
        return text;
    }
}
